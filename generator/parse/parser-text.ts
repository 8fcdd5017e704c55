/**
 * The statement as handed to sql-parser-cst: the same text with the few spellings SQLite accepts
 * and the parser does not rewritten to ones it does, each of the same length, so every offset
 * the parser reports is an offset into the original. What a rewrite hides (a name, a
 * placeholder's spelling) the adapter reads back from the original text.
 *
 * - form feed, which SQLite reads as whitespace → space;
 * - non-ASCII characters in names (SQLite reads any of them as a name character) → `x`;
 * - `:1`, `@1`, `$1` (named parameters whose name starts with a digit) → `:x`, `@x`, `$x`;
 * - `==` (SQLite's other spelling of `=`, also in `SET a == ?`) → `= `;
 * - a macro's argument (`sqlc.arg(select)`, a keyword as a name) → `_elect`, never a keyword.
 */
import { lexSql, type Token } from "./sql-lexer.js";

export function parserText(sql: string): string {
  const { tokens } = lexSql(sql);
  const out: string[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    const text = sql.slice(t.start, t.end);
    const previous = k > 0 ? sql.slice(tokens[k - 1].start, tokens[k - 1].end) : "";
    switch (t.kind) {
      case "space":
        out.push(text.replaceAll("\f", " "));
        break;
      case "word": {
        const sigil = text.startsWith("$") || (previous === ":" || previous === "@") && tokens[k - 1].end === t.start;
        const name = sigil && text.startsWith("$") ? "$" + digitFirst(text.slice(1)) : sigil ? digitFirst(text) : isMacroArgument(sql, tokens, k) ? "_" + text.slice(1) : text;
        out.push(name.replace(/[^\x00-\x7f]/g, "x"));
        break;
      }
      case "punct":
        out.push(text === "=" && previous === "=" && !"<>!=".includes(sql[tokens[k - 1].start - 1] ?? " ") && tokens[k - 1].end === t.start ? " " : text);
        break;
      case "line_comment":
      case "block_comment":
      case "string":
      case "quoted":
        out.push(text);
        break;
    }
  }
  return out.join("");
}

/** A parameter name that starts with a digit, made to start with a letter. */
function digitFirst(name: string): string {
  return /^[0-9]/.test(name) ? "x" + name.slice(1) : name;
}

/** Whether word `k` is the argument of `sqlc.name(…)`. */
function isMacroArgument(sql: string, tokens: readonly Token[], k: number): boolean {
  const before: string[] = [];
  for (let j = k - 1; j >= 0 && before.length < 4; j--) if (tokens[j].kind !== "space") before.push(sql.slice(tokens[j].start, tokens[j].end));
  return before.length === 4 && before[0] === "(" && before[2] === "." && before[3].toLowerCase() === "sqlc";
}

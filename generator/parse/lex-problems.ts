/** The lexer's problems as diagnostics: what SQLite would do with the text, and what to write instead. */
import type { DiagnosticBag } from "../diagnostics/diagnostic.js";
import type { LexProblem } from "./sql-lexer.js";

export function reportLexProblems(problems: readonly LexProblem[], text: string, file: string, bag: DiagnosticBag): void {
  // Characters are reported once per file, at the first one: a pasted file may hold thousands.
  const first = (kind: "control" | "unicode_space", report: (at: LexProblem, code: string, more: string[]) => void) => {
    const all = problems.filter((p) => p.kind === kind);
    if (all.length === 0) return;
    const code = "U+" + text.charCodeAt(all[0].start).toString(16).toUpperCase().padStart(4, "0");
    report(all[0], code, all.length > 1 ? [`The file has ${all.length - 1} more after this one.`] : []);
  };
  first("control", (at, code, more) =>
    bag.report("SG004", `control character ${code} in SQL text`, file, at, [
      code === "U+0000" ? "SQLite ends a statement at a NUL byte, so the rest of it would silently be ignored." : "SQLite does not accept this character in SQL.",
      "Remove it; only tab, line feed, carriage return and form feed may appear as whitespace.",
      ...more,
    ]),
  );
  first("unicode_space", (at, code, more) =>
    bag.report("SG009", `${code} looks like a space but is part of a name to SQLite`, file, at, [
      "SQLite reads every non-ASCII character outside quotes as a name character, so this joins the words around it into one name. Replace it with an ordinary space.",
      ...more,
    ]),
  );
  for (const p of problems) {
    switch (p.kind) {
      case "control":
      case "unicode_space":
        break;
      case "unclosed_comment":
        bag.report("SG005", "this block comment is never closed", file, p, [
          "SQLite treats everything after `/*` as comment, so the statements below it would silently disappear. Close it with `*/`.",
        ]);
        break;
      case "unterminated_quote":
        bag.report("SG006", p.quote === "'" ? "this string literal is never closed" : `this quoted identifier is never closed`, file, p, [
          p.quote === "'" ? "Close it with `'` (write `''` for a quote inside the string)." : `Close it with \`${p.quote === "[" ? "]" : p.quote}\`.`,
        ]);
        break;
    }
  }
}

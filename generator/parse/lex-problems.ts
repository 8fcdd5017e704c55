/** The lexer's problems as diagnostics: what SQLite would do with the text, and what to write instead. */
import type { DiagnosticBag } from "../diagnostics/diagnostic.js";
import type { LexProblem } from "./sql-lexer.js";

export function reportLexProblems(problems: readonly LexProblem[], text: string, file: string, bag: DiagnosticBag): void {
  const controls = problems.filter((p) => p.kind === "control");
  if (controls.length > 0) {
    const first = controls[0];
    const code = text.charCodeAt(first.start);
    const more = controls.length > 1 ? [`The file has ${controls.length - 1} more control character(s) after this one.`] : [];
    bag.report("SG004", `control character U+${code.toString(16).toUpperCase().padStart(4, "0")} in SQL text`, file, first, [
      code === 0 ? "SQLite ends a statement at a NUL byte, so the rest of it would silently be ignored." : "SQLite does not accept this character in SQL.",
      "Remove it; only tab, line feed, carriage return and form feed may appear as whitespace.",
      ...more,
    ]);
  }
  for (const p of problems) {
    switch (p.kind) {
      case "control":
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

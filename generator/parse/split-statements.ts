/**
 * Splits a SQL file into statements at top-level semicolons, aware of quotes, comments and
 * trigger bodies. Each chunk keeps the comments before its first token: that is where
 * `-- name:` annotations and documentation live. Lexical problems (control characters, an
 * unclosed comment, quote or parenthesis, a header inside a statement) are reported here, once
 * per file; a chunk SQLite could only misread (an open quote or parenthesis) is left out.
 */
import type { DiagnosticBag } from "../diagnostics/diagnostic.js";
import { isHeaderComment } from "./header.js";
import { reportLexProblems } from "./lex-problems.js";
import { lexSql, type Token } from "./sql-lexer.js";

export interface LeadingComment {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly block: boolean;
}

export interface StatementChunk {
  /** Comments between the previous statement and this one, in order. */
  readonly comments: readonly LeadingComment[];
  /** Offset of the first token of the statement itself (after its comments). */
  readonly start: number;
  /** Offset just past the last token, before the terminating `;`. */
  readonly end: number;
  /** Statement text from `start` to `end`. */
  readonly sql: string;
}

export function splitStatements(text: string, file: string, bag: DiagnosticBag): StatementChunk[] {
  const { tokens, problems } = lexSql(text);
  reportLexProblems(problems, text, file, bag);
  // Where SQLite would read something else than the text shows, the statement is not analysed.
  const broken = problems.filter((p) => p.kind === "control" || p.kind === "unterminated_quote").map((p) => p.start);
  let nextBroken = 0;
  const chunks: StatementChunk[] = [];
  let comments: LeadingComment[] = [];
  let first: Token | null = null;
  let last: Token | null = null;
  let words: string[] = [];
  let depth = 0;
  let parens: number[] = [];
  let skip = false;

  // Inside a trigger body, `;` ends the body's statements, not the CREATE TRIGGER.
  const trigger = (word: string) => {
    if (words.length < 4) words.push(word);
    if (!isTrigger(words)) return;
    if (word === "BEGIN" || word === "CASE") depth++;
    else if (word === "END" && depth > 0) depth--;
  };
  const finish = () => {
    if (parens.length > 0) {
      const open = parens[0];
      bag.report("SG007", "this parenthesis is never closed", file, { start: open, end: open + 1 }, [
        "The statement ends before a matching `)`; SQLite would report “incomplete input”. Close it where the expression ends.",
      ]);
      skip = true;
    }
    if (first !== null && last !== null) {
      if (!skip) chunks.push({ comments, start: first.start, end: last.end, sql: text.slice(first.start, last.end) });
    } else if (comments.length > 0) {
      // Comments with no statement after them (a header at the end of a file) still form a
      // chunk, so that an annotation without SQL can be reported.
      const end = comments[comments.length - 1].end;
      chunks.push({ comments, start: end, end, sql: "" });
    }
    comments = [];
    first = last = null;
    words = [];
    depth = 0;
    parens = [];
    skip = false;
  };

  for (const t of tokens) {
    const value = text.slice(t.start, t.end);
    const comment = t.kind === "line_comment" || t.kind === "block_comment";
    if (comment && last !== null && depth === 0 && isHeaderComment(value)) {
      bag.report("SG008", "this statement is not terminated by `;`", file, { start: last.start, end: last.end }, [
        "A query header follows inside it; end each statement with `;` before the next `-- name:` header.",
      ]);
      finish();
    }
    for (; nextBroken < broken.length && broken[nextBroken] < t.end; nextBroken++) skip = true;
    switch (t.kind) {
      case "space":
        continue;
      case "line_comment":
      case "block_comment":
        if (first === null) comments.push({ text: value, start: t.start, end: t.end, block: t.kind === "block_comment" });
        continue;
      case "string":
      case "quoted":
        break;
      case "word":
        trigger(value.toUpperCase());
        break;
      case "punct":
        if (value === ";" && depth === 0) {
          finish();
          continue;
        }
        if (value === "(") parens.push(t.start);
        else if (value === ")") parens.pop();
        break;
    }
    if (first === null) first = t;
    last = t;
  }
  finish();
  return chunks;
}

function isTrigger(words: readonly string[]): boolean {
  if (words[0] !== "CREATE") return false;
  const next = words[1] === "TEMP" || words[1] === "TEMPORARY" ? words[2] : words[1];
  return next === "TRIGGER";
}

/**
 * Splits a SQL file into statements at top-level semicolons, aware of quotes, comments and
 * trigger bodies. Each chunk keeps the comments before its first token: that is where
 * `-- name:` annotations and documentation live.
 */
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

const wordChar = /[A-Za-z0-9_$]/;

export function splitStatements(text: string): StatementChunk[] {
  const chunks: StatementChunk[] = [];
  let comments: LeadingComment[] = [];
  let start = -1;
  let lastTokenEnd = -1;
  let words: string[] = [];
  let depth = 0;
  let i = 0;

  const finish = () => {
    if (start >= 0) chunks.push({ comments, start, end: lastTokenEnd, sql: text.slice(start, lastTokenEnd) });
    // Comments with no statement after them (a header at the end of a file) still form a chunk,
    // so that an annotation without SQL can be reported.
    else if (comments.length > 0) chunks.push({ comments, start: comments[comments.length - 1].end, end: comments[comments.length - 1].end, sql: "" });
    comments = [];
    start = -1;
    words = [];
    depth = 0;
  };
  const token = (from: number, to: number) => {
    if (start < 0) start = from;
    lastTokenEnd = to;
  };

  while (i < text.length) {
    const c = text[i];
    if (c === "-" && text[i + 1] === "-") {
      const nl = text.indexOf("\n", i);
      const end = nl < 0 ? text.length : nl;
      if (start < 0) comments.push({ text: text.slice(i, end), start: i, end, block: false });
      i = end;
    } else if (c === "/" && text[i + 1] === "*") {
      const close = text.indexOf("*/", i + 2);
      const end = close < 0 ? text.length : close + 2;
      if (start < 0) comments.push({ text: text.slice(i, end), start: i, end, block: true });
      i = end;
    } else if (c === "'" || c === '"' || c === "`" || c === "[") {
      const close = c === "[" ? "]" : c;
      let j = i + 1;
      while (j < text.length) {
        if (text[j] === close) {
          if (close !== "]" && text[j + 1] === close) j += 2;
          else break;
        } else j++;
      }
      token(i, Math.min(j + 1, text.length));
      i = j + 1;
    } else if (c === ";") {
      if (depth > 0) {
        token(i, i + 1);
        i++;
      } else {
        finish();
        i++;
      }
    } else if (/\s/.test(c)) {
      i++;
    } else if (wordChar.test(c)) {
      let j = i;
      while (j < text.length && wordChar.test(text[j])) j++;
      const word = text.slice(i, j).toUpperCase();
      if (words.length < 4) words.push(word);
      if (isTrigger(words)) {
        if (word === "BEGIN" || word === "CASE") depth++;
        else if (word === "END" && depth > 0) depth--;
      }
      token(i, j);
      i = j;
    } else {
      token(i, i + 1);
      i++;
    }
  }
  finish();
  return chunks;
}

function isTrigger(words: readonly string[]): boolean {
  if (words[0] !== "CREATE") return false;
  const next = words[1] === "TEMP" || words[1] === "TEMPORARY" ? words[2] : words[1];
  return next === "TRIGGER";
}

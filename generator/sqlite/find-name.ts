/**
 * Finds where a name SQLite quotes in an error message (`no such table: main.user`) occurs in a
 * statement, by scanning its tokens: strings and comments are skipped, quoted identifiers are
 * compared unquoted. Linear in the statement's length, and never builds a pattern from user text.
 */
export interface NameSpan {
  readonly start: number;
  readonly end: number;
}

/** The `occurrence`-th (1-based) token spelling `name`, case-insensitively; null when absent. */
export function findName(sql: string, name: string, occurrence = 1): NameSpan | null {
  const wanted = name.toLowerCase();
  let seen = 0;
  for (const t of identifierTokens(sql)) {
    if (t.text.length === wanted.length && t.text.toLowerCase() === wanted && ++seen === occurrence) return { start: t.start, end: t.end };
  }
  return null;
}

interface Token { readonly text: string; readonly start: number; readonly end: number }

function* identifierTokens(sql: string): Generator<Token> {
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (c === "-" && sql[i + 1] === "-") {
      const nl = sql.indexOf("\n", i);
      i = nl < 0 ? sql.length : nl + 1;
    } else if (c === "/" && sql[i + 1] === "*") {
      const close = sql.indexOf("*/", i + 2);
      i = close < 0 ? sql.length : close + 2;
    } else if (c === "'" || c === '"' || c === "`" || c === "[") {
      const end = closingQuote(sql, i);
      if (c !== "'") yield { text: unquote(sql.slice(i, end)), start: i, end };
      i = end;
    } else if (isWordChar(c)) {
      let j = i + 1;
      while (j < sql.length && isWordChar(sql[j])) j++;
      yield { text: sql.slice(i, j), start: i, end: j };
      i = j;
    } else i++;
  }
}

/** Offset just past the quoted token starting at `i` (doubled quotes escape, except in `[…]`). */
function closingQuote(sql: string, i: number): number {
  const close = sql[i] === "[" ? "]" : sql[i];
  let j = i + 1;
  while (j < sql.length) {
    if (sql[j] !== close) j++;
    else if (close !== "]" && sql[j + 1] === close) j += 2;
    else return j + 1;
  }
  return sql.length;
}

function unquote(token: string): string {
  const q = token[0];
  const inner = token.slice(1, token.endsWith(q === "[" ? "]" : q) && token.length > 1 ? -1 : undefined);
  return q === "[" ? inner : inner.split(q + q).join(q);
}

function isWordChar(c: string): boolean {
  return /[\w$]/.test(c) || c.charCodeAt(0) > 127;
}

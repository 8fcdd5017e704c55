/**
 * SQLite's tokens as far as splitting and the parser's input need them: comments, quoted text,
 * words, whitespace and single punctuation characters. One left-to-right pass, each character
 * looked at a bounded number of times, so any input lexes in linear time. Where SQLite would
 * read something differently from what the user likely meant (an unclosed comment or quote, a
 * control character) a problem is recorded at the place it starts.
 */
export type TokenKind = "space" | "line_comment" | "block_comment" | "string" | "quoted" | "word" | "punct";

export interface Token {
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
}

export type LexProblem =
  | { readonly kind: "control"; readonly start: number; readonly end: number }
  /** A Unicode space (no-break space, …) in a name: SQLite reads it as a name character. */
  | { readonly kind: "unicode_space"; readonly start: number; readonly end: number }
  | { readonly kind: "unclosed_comment"; readonly start: number; readonly end: number }
  | { readonly kind: "unterminated_quote"; readonly quote: string; readonly start: number; readonly end: number };

export interface Lexed {
  readonly tokens: readonly Token[];
  readonly problems: readonly LexProblem[];
}

/** SQLite's whitespace: space, tab, line feed, form feed, carriage return (not vertical tab). */
export function isSqlSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
}

/** Characters SQLite reads as part of a name or number: ASCII letters, digits, `_`, `$`, anything non-ASCII. */
export function isWordChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f || code === 0x24 || code >= 0x80;
}

/** C0 controls other than SQLite's whitespace: SQLite ends a statement at NUL and rejects the rest. */
function isControl(code: number): boolean {
  return code < 0x20 && !isSqlSpace(code);
}

/** Unicode's spaces beyond ASCII (and the zero-width ones), which look like whitespace but are not to SQLite. */
const unicodeSpace = /[\u0085\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]/;

const closers: Readonly<Record<string, string>> = { "'": "'", '"': '"', "`": "`", "[": "]" };

export function lexSql(text: string): Lexed {
  const tokens: Token[] = [];
  const problems: LexProblem[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const start = i;
    const code = text.charCodeAt(i);
    const c = text[i];
    let kind: TokenKind;
    if (isControl(code)) {
      problems.push({ kind: "control", start, end: start + 1 });
      kind = "punct";
      i++;
    } else if (isSqlSpace(code)) {
      while (i < n && isSqlSpace(text.charCodeAt(i))) i++;
      kind = "space";
    } else if (c === "-" && text[i + 1] === "-") {
      i = lineEnd(text, i);
      kind = "line_comment";
    } else if (c === "/" && text[i + 1] === "*") {
      const close = text.indexOf("*/", i + 2);
      if (close < 0) problems.push({ kind: "unclosed_comment", start, end: start + 2 });
      i = close < 0 ? n : close + 2;
      kind = "block_comment";
    } else if (closers[c] !== undefined) {
      const close = quoteEnd(text, i, closers[c]);
      if (close < 0) problems.push({ kind: "unterminated_quote", quote: c, start, end: start + 1 });
      i = close < 0 ? n : close;
      kind = c === "'" ? "string" : "quoted";
    } else if (isWordChar(code)) {
      while (i < n && isWordChar(text.charCodeAt(i))) i++;
      kind = "word";
      const space = text.slice(start, i).search(unicodeSpace);
      if (space >= 0) problems.push({ kind: "unicode_space", start: start + space, end: start + space + 1 });
    } else {
      i++;
      kind = "punct";
    }
    // Control characters inside comments and quotes are problems too (NUL ends SQLite's input).
    if (kind !== "punct" && kind !== "space" && kind !== "word") controlsWithin(text, start, i, problems);
    tokens.push({ kind, start, end: i });
  }
  return { tokens, problems };
}

function lineEnd(text: string, from: number): number {
  const nl = text.indexOf("\n", from);
  return nl < 0 ? text.length : nl;
}

/** Offset just past the closing quote (a doubled quote is an escaped one), or -1 if there is none. */
function quoteEnd(text: string, open: number, close: string): number {
  let j = open + 1;
  for (;;) {
    const at = text.indexOf(close, j);
    if (at < 0) return -1;
    if (close !== "]" && text[at + 1] === close) j = at + 2;
    else return at + 1;
  }
}

function controlsWithin(text: string, start: number, end: number, problems: LexProblem[]): void {
  for (let k = start; k < end; k++) if (isControl(text.charCodeAt(k))) problems.push({ kind: "control", start: k, end: k + 1 });
}

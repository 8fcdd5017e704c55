/**
 * The parser's tokens, built on the lexer's (sql-lexer.ts): whitespace and comments dropped, and
 * what SQLite reads as one token joined: numbers (`2.5`, `1e-3`, `.5`), blobs (`x'00'`),
 * placeholders (`?`, `?3`, `:a`, `@a`, `$a`), quoted names (unquoted here) and operators of more
 * than one character (`<=`, `||`, `->>`, …). Offsets are into the statement text.
 */
import { lexSql, type Token } from "./sql-lexer.js";

export type SqlTokenKind = "word" | "name" | "string" | "blob" | "number" | "param" | "op";

export interface SqlToken {
  readonly kind: SqlTokenKind;
  readonly start: number;
  readonly end: number;
  /** word: as written; name: the quoted name without its quotes; op: the operator; others: as written. */
  readonly text: string;
  /** A word in upper case, for keyword tests; "" for other kinds. */
  readonly upper: string;
}

/** Longest first, so `->>` wins over `->`. */
const operators = ["->>", "||", "<=", ">=", "<>", "!=", "==", "<<", ">>", "->"];

const closingQuote: Readonly<Record<string, string>> = { '"': '"', "`": "`", "[": "]" };

export function sqlTokens(sql: string): SqlToken[] {
  const raw = lexSql(sql).tokens.filter((t) => t.kind !== "space" && t.kind !== "line_comment" && t.kind !== "block_comment");
  const out: SqlToken[] = [];
  const text = (t: Token) => sql.slice(t.start, t.end);
  const adjacent = (k: number) => k < raw.length && raw[k].start === raw[k - 1].end;
  const push = (kind: SqlTokenKind, start: number, end: number, value = sql.slice(start, end)) =>
    out.push({ kind, start, end, text: value, upper: kind === "word" ? value.toUpperCase() : "" });
  for (let k = 0; k < raw.length; k++) {
    const t = raw[k];
    const s = text(t);
    if (t.kind === "word" && /^[0-9]/.test(s)) {
      const end = numberEnd(sql, raw, k);
      push("number", t.start, raw[end].end);
      k = end;
    } else if (t.kind === "punct" && s === "." && adjacent(k + 1) && /^[0-9]/.test(text(raw[k + 1])) && !(k > 0 && adjacent(k) && raw[k - 1].kind !== "punct")) {
      const end = numberEnd(sql, raw, k);
      push("number", t.start, raw[end].end);
      k = end;
    } else if (t.kind === "word" && s.startsWith("$")) {
      const end = tclSuffixEnd(sql, raw, k);
      push("param", t.start, raw[end].end);
      k = end;
    } else if (t.kind === "word" && (s === "x" || s === "X") && adjacent(k + 1) && raw[k + 1].kind === "string") {
      push("blob", t.start, raw[k + 1].end);
      k++;
    } else if (t.kind === "word") {
      push("word", t.start, t.end);
    } else if (t.kind === "string") {
      push("string", t.start, t.end);
    } else if (t.kind === "quoted") {
      const close = closingQuote[s[0]];
      const inner = s.slice(1, s.length > 1 && s.endsWith(close) ? -1 : undefined);
      // `[…]` has no escape; in "…" and `…` a doubled quote is one.
      push("name", t.start, t.end, close === "]" ? inner : inner.replaceAll(close + close, close));
    } else if ((s === "?" && adjacent(k + 1) && /^[0-9]+$/.test(text(raw[k + 1]))) || ((s === ":" || s === "@") && adjacent(k + 1) && raw[k + 1].kind === "word")) {
      push("param", t.start, raw[k + 1].end);
      k++;
    } else if (s === "?") {
      push("param", t.start, t.end);
    } else {
      const op = operators.find((o) => sql.startsWith(o, t.start) && joined(raw, k, o.length));
      push("op", t.start, t.start + (op?.length ?? 1), op ?? s);
      k += (op?.length ?? 1) - 1;
    }
  }
  return out;
}

/** Whether the `length` single-character tokens from `k` are adjacent punctuation. */
function joined(raw: readonly Token[], k: number, length: number): boolean {
  for (let j = k + 1; j < k + length; j++) if (j >= raw.length || raw[j].kind !== "punct" || raw[j].start !== raw[j - 1].end) return false;
  return true;
}

/** The index of the last lexer token of the number starting at `k`: digits, a fraction, an exponent. */
function numberEnd(sql: string, raw: readonly Token[], k: number): number {
  const text = (j: number) => sql.slice(raw[j].start, raw[j].end);
  const next = (j: number) => j + 1 < raw.length && raw[j + 1].start === raw[j].end;
  let j = k;
  if (/^0x/i.test(text(j))) return j;
  if (text(j) !== "." && next(j) && text(j + 1) === ".") j++;
  if (text(j) === "." && next(j) && /^[0-9]*([eE][0-9]*)?$/.test(text(j + 1))) j++;
  if (/[0-9.][eE]$|^[eE]$/.test(text(j)) && next(j) && (text(j + 1) === "+" || text(j + 1) === "-") && next(j + 1) && /^[0-9]+$/.test(text(j + 2))) j += 2;
  return j;
}

/** `$name(suffix)`, Tcl's spelling SQLite reads as one placeholder: the index of its `)`, else `k`. */
function tclSuffixEnd(sql: string, raw: readonly Token[], k: number): number {
  if (k + 1 >= raw.length || raw[k + 1].start !== raw[k].end || sql[raw[k + 1].start] !== "(") return k;
  for (let j = k + 2; j < raw.length && raw[j].start === raw[j - 1].end; j++) if (sql.slice(raw[j].start, raw[j].end) === ")") return j;
  return k;
}

/**
 * A lossless SQLite tokenizer for the fuzzer: the tokens concatenate back to the text. It is the
 * fuzzer's own (not the generator's), so that the oracle does not inherit the generator's bugs.
 */
export type TokenKind = "space" | "line-comment" | "block-comment" | "string" | "quoted" | "word" | "number" | "param" | "punct";

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly start: number;
}

const wordStart = /[A-Za-z_\u0080-\uffff]/;
const wordPart = /[A-Za-z0-9_$\u0080-\uffff]/;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const end = tokenEnd(text, i);
    out.push({ kind: kindAt(text, i), text: text.slice(i, end), start: i });
    i = end;
  }
  return out;
}

function kindAt(text: string, i: number): TokenKind {
  const c = text[i];
  if (/\s/.test(c)) return "space";
  if (text.startsWith("--", i)) return "line-comment";
  if (text.startsWith("/*", i)) return "block-comment";
  if (c === "'") return "string";
  if (c === '"' || c === "`" || c === "[") return "quoted";
  if (/[0-9]/.test(c)) return "number";
  if (/[?:@$]/.test(c) && i + 1 < text.length && wordPart.test(text[i + 1])) return "param";
  if (c === "?") return "param";
  return wordStart.test(c) ? "word" : "punct";
}

function tokenEnd(text: string, i: number): number {
  const run = (re: RegExp, from: number) => {
    let j = from;
    while (j < text.length && re.test(text[j])) j++;
    return j;
  };
  switch (kindAt(text, i)) {
    case "space":
      return run(/\s/, i);
    case "line-comment": {
      const nl = text.indexOf("\n", i);
      return nl < 0 ? text.length : nl;
    }
    case "block-comment": {
      // SQLite: an unclosed block comment runs to the end of the input.
      const close = text.indexOf("*/", i + 2);
      return close < 0 ? text.length : close + 2;
    }
    case "string":
    case "quoted": {
      const close = text[i] === "[" ? "]" : text[i];
      let j = i + 1;
      while (j < text.length) {
        if (text[j] !== close) j++;
        else if (close !== "]" && text[j + 1] === close) j += 2;
        else return j + 1;
      }
      return text.length;
    }
    case "number":
      return run(/[0-9A-Za-z_.]/, i);
    case "param":
      return run(wordPart, i + 1);
    case "word":
      return run(wordPart, i);
    case "punct":
      return i + 1;
  }
}

/** Tokens that carry meaning (not whitespace or comments). */
export function isCode(t: Token): boolean {
  return t.kind !== "space" && t.kind !== "line-comment" && t.kind !== "block-comment";
}

export interface SqlStatement {
  /** From the first code token to the last, before the `;`. */
  readonly sql: string;
  readonly start: number;
  readonly end: number;
  /** The comments directly before the statement (where its header lives). */
  readonly comments: readonly Token[];
}

/** Splits at top-level `;` (not inside a trigger's BEGIN … END). */
export function splitSql(text: string): SqlStatement[] {
  const out: SqlStatement[] = [];
  let code: Token[] = [];
  let comments: Token[] = [];
  let depth = 0;
  const flush = () => {
    if (code.length > 0) {
      const start = code[0].start;
      const last = code[code.length - 1];
      out.push({ sql: text.slice(start, last.start + last.text.length), start, end: last.start + last.text.length, comments });
    }
    code = [];
    comments = [];
    depth = 0;
  };
  for (const t of tokenize(text)) {
    if (!isCode(t)) {
      if (code.length === 0 && t.kind !== "space") comments.push(t);
      continue;
    }
    if (t.text === ";" && depth === 0) {
      flush();
      continue;
    }
    const word = t.kind === "word" ? t.text.toUpperCase() : "";
    if (isTrigger(code) && (word === "BEGIN" || word === "CASE")) depth++;
    else if (isTrigger(code) && word === "END" && depth > 0) depth--;
    code.push(t);
  }
  flush();
  return out;
}

function isTrigger(code: readonly Token[]): boolean {
  const words = code.slice(0, 3).map((t) => t.text.toUpperCase());
  return words[0] === "CREATE" && (words[1] === "TRIGGER" || ((words[1] === "TEMP" || words[1] === "TEMPORARY") && words[2] === "TRIGGER"));
}

/**
 * The statement as plain SQLite: sqlc's macros become what they stand for (`sqlc.arg(x)` → `?`,
 * `sqlc.embed(t) [AS name]` → `t.*`). Returns null when a macro is malformed, so nothing can be concluded.
 */
export function withoutMacros(sql: string): string | null {
  const code = tokenize(sql);
  let out = "";
  for (let i = 0; i < code.length; i++) {
    const t = code[i];
    if (t.kind !== "word" || t.text.toLowerCase() !== "sqlc") {
      out += t.text;
      continue;
    }
    const parts = code.slice(i + 1).filter(isCode).slice(0, 5);
    const [dot, fn, open, arg, close] = parts;
    if (parts.length < 5 || dot.text !== "." || open.text !== "(" || close.text !== ")" || (arg.kind !== "word" && arg.kind !== "quoted")) return null;
    const macro = fn.text.toLowerCase();
    if (macro === "arg" || macro === "narg" || macro === "slice") out += "?";
    else if (macro === "embed") out += `${arg.text}.*`;
    else return null;
    i = code.indexOf(close);
    // `sqlc.embed(t) AS name` names the nested object: SQLite sees `t.*` alone.
    const [as, name] = code.slice(i + 1).filter(isCode);
    if (macro === "embed" && as?.text.toUpperCase() === "AS" && name !== undefined && (name.kind === "word" || name.kind === "quoted")) i = code.indexOf(name);
  }
  return out;
}

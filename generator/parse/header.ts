/**
 * The words of a `-- name: Name :command` (or `/* name: Name :command *\/`) comment. Read with a
 * plain left-to-right scan, never a backtracking pattern, so any comment reads in linear time.
 */
export interface HeaderWord {
  readonly text: string;
  /** Offsets within the comment's text. */
  readonly start: number;
  readonly end: number;
}

export type HeaderWords =
  | { readonly ok: true; readonly name: HeaderWord | null; readonly command: HeaderWord | null; readonly extra: HeaderWord | null }
  /** `-- name X :one`: the word `name` without its colon. */
  | { readonly ok: false; readonly missingColon: HeaderWord };

/** A comment that starts with the word `name` (after `--` or `/*`): meant as a query header. */
export function isHeaderComment(text: string): boolean {
  if (!text.startsWith("--") && !text.startsWith("/*")) return false;
  let i = 2;
  while (i < text.length && isBlank(text[i])) i++;
  return text.slice(i, i + 4).toLowerCase() === "name" && !/[A-Za-z0-9_]/.test(text[i + 4] ?? "");
}

/** The words after `name:`; call only when isHeaderComment holds. */
export function headerWords(text: string): HeaderWords {
  const end = text.startsWith("/*") && text.endsWith("*/") && text.length >= 4 ? text.length - 2 : text.length;
  const words = splitWords(text, 2, end);
  const first = words[0];
  if (first.text.length === 4) return { ok: false, missingColon: first };
  const rest = first.text[4] === ":" && first.text.length > 5 ? [{ text: first.text.slice(5), start: first.start + 5, end: first.end }, ...words.slice(1)] : words.slice(1);
  if (first.text[4] !== ":") return { ok: true, name: null, command: null, extra: first };
  return { ok: true, name: rest[0] ?? null, command: rest[1] ?? null, extra: rest[2] ?? null };
}

function splitWords(text: string, from: number, to: number): HeaderWord[] {
  const words: HeaderWord[] = [];
  let i = from;
  while (i < to) {
    while (i < to && isBlank(text[i])) i++;
    const start = i;
    while (i < to && !isBlank(text[i])) i++;
    if (i > start) words.push({ text: text.slice(start, i), start, end: i });
  }
  return words;
}

function isBlank(c: string): boolean {
  return c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f" || c === "\v" || c === "\u00a0";
}

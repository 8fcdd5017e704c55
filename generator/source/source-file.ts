/** A user's file as read from disk, with the position helpers every stage needs. */
export interface SourceFile {
  /** Path as shown to the user: relative to the working directory, with forward slashes. */
  readonly path: string;
  readonly text: string;
}

export interface LineCol {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column, counted in UTF-16 code units as editors do. */
  readonly col: number;
}

const lineStartsCache = new WeakMap<SourceFile, number[]>();

function lineStarts(file: SourceFile): number[] {
  let starts = lineStartsCache.get(file);
  if (starts === undefined) {
    starts = [0];
    for (let i = 0; i < file.text.length; i++) {
      if (file.text.charCodeAt(i) === 10) starts.push(i + 1);
    }
    lineStartsCache.set(file, starts);
  }
  return starts;
}

export function lineColAt(file: SourceFile, offset: number): LineCol {
  const starts = lineStarts(file);
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, col: offset - starts[lo] + 1 };
}

/**
 * The text of a 1-based line, without its line break, for display: control characters other
 * than tab are shown as their Unicode pictures (NUL → ␀), one for one, so carets stay aligned
 * and a rendered diagnostic never carries a raw control byte.
 */
export function lineText(file: SourceFile, line: number): string {
  const starts = lineStarts(file);
  const start = starts[line - 1] ?? file.text.length;
  const end = line < starts.length ? starts[line] - 1 : file.text.length;
  return file.text
    .slice(start, end)
    .replace(/\r$/, "")
    .replace(/[\x00-\x08\x0a-\x1f]/g, (c) => String.fromCharCode(0x2400 + c.charCodeAt(0)));
}

/**
 * SQLite reports error offsets in UTF-8 bytes; our spans are UTF-16 offsets.
 * Walks `text` counting the UTF-8 length of each code point until `byteOffset` is reached.
 */
export function utf8ByteToUtf16Offset(text: string, byteOffset: number): number {
  let bytes = 0;
  let i = 0;
  while (i < text.length && bytes < byteOffset) {
    const code = text.codePointAt(i)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    i += code >= 0x10000 ? 2 : 1;
  }
  return i;
}

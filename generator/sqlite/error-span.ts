import type { Span } from "../diagnostics/diagnostic.js";
import { utf8ByteToUtf16Offset } from "../source/source-file.js";
import type { SqliteError } from "./analysis-db.js";

/**
 * Where in the user's file SQLite's error points. `sql` is the text SQLite was given, which
 * starts at file offset `base`; `toSource` maps offsets in `sql` back to the file when the text
 * was rewritten (macros, parameters).
 */
export function errorSpan(err: SqliteError, sql: string, base: number, toSource: (offset: number) => number = (o) => o): Span {
  if (err.byteOffset < 0) return { start: base, end: base };
  const at = toSource(utf8ByteToUtf16Offset(sql, err.byteOffset));
  const word = /^[?:@$][\w$]*|^[\w$]+|^"[^"]*"|^./.exec(sql.slice(utf8ByteToUtf16Offset(sql, err.byteOffset)));
  return { start: base + at, end: base + at + (word ? word[0].length : 0) };
}

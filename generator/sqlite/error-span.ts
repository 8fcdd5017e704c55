import type { Span } from "../diagnostics/diagnostic.js";
import { utf8ByteToUtf16Offset } from "../source/source-file.js";
import type { SqliteError } from "./analysis-db.js";
import { findName } from "./find-name.js";

/**
 * Messages in which SQLite gives no offset but names the culprit; `occurrence` says which
 * spelling of the name in the statement is the offending one.
 */
const namedCulprits: readonly { readonly pattern: RegExp; readonly occurrence: number }[] = [
  { pattern: /^no such (?:table|column|function|index|module|collation sequence): (?:\w+\.)*(.+)$/, occurrence: 1 },
  { pattern: /^duplicate column name: (.+)$/, occurrence: 2 },
  { pattern: /^(?:table|index|view|trigger) (?:\w+\.)?"?([^"]+?)"? already exists$/, occurrence: 1 },
  { pattern: /^foreign key mismatch - ".+" referencing "(.+)"$/, occurrence: 1 },
];

/** The name an error message blames, and which of its spellings in the statement is meant. */
export function blamedName(message: string): { name: string; occurrence: number } | null {
  for (const { pattern, occurrence } of namedCulprits) {
    const name = pattern.exec(message)?.[1];
    if (name !== undefined) return { name, occurrence };
  }
  return null;
}

/**
 * Where in the user's file SQLite's error points. `sql` is the text SQLite was given, which
 * starts at file offset `base`; `toSource` maps offsets in `sql` back to the file when the text
 * was rewritten (macros, parameters). Without an offset from SQLite, the name its message
 * blames is looked up in the statement so the caret still lands on it.
 */
export function errorSpan(err: SqliteError, sql: string, base: number, toSource: (offset: number) => number = (o) => o): Span {
  if (err.byteOffset < 0) {
    const blamed = blamedName(err.message);
    const at = blamed === null ? null : findName(sql, blamed.name, blamed.occurrence) ?? findName(sql, blamed.name);
    if (at === null) return { start: base, end: base };
    return { start: base + toSource(at.start), end: base + toSource(at.start) + (at.end - at.start) };
  }
  const from = utf8ByteToUtf16Offset(sql, err.byteOffset);
  const at = toSource(from);
  const word = /^[?:@$][\w$]*|^[\w$]+|^"[^"]*"|^./.exec(sql.slice(from, from + 1000));
  return { start: base + at, end: base + at + (word ? word[0].length : 0) };
}

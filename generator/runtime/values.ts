/**
 * Conversions between what SQLite stores and what a column is mapped to (sqlgen.json `types`):
 * Dates and JSON. Generated code calls these only for mapped columns and parameters; the runtime
 * calls them when it binds `sqlc.slice` lists of mapped values.
 */

/** A zone at the end of a date text: `Z`, `+02:00`, `-0500`. */
const zoned = /(?:[zZ]|[+-]\d\d:?\d\d)$/;

/**
 * A Date from ISO-8601 text. SQLite's own date functions write `YYYY-MM-DD HH:MM:SS` in UTC with
 * no zone, which `new Date()` would read as local time: text without a zone is read as UTC.
 */
export function textToDate(text: string): Date {
  return new Date(text.length > 10 && !zoned.test(text) ? `${text.replace(" ", "T")}Z` : text);
}

/** ISO-8601 with milliseconds and `Z` (`2026-11-30T06:53:20.000Z`), as `Date#toISOString` writes. */
export function dateToIso(d: Date): string {
  return d.toISOString();
}

/** SQLite's form (`2026-11-30 06:53:20.000`, UTC): it sorts and compares with what datetime() and CURRENT_TIMESTAMP write. */
export function dateToSqliteText(d: Date): string {
  return d.toISOString().slice(0, 23).replace("T", " ");
}

/** Unix seconds (bigint when the driver reads integers as bigint) → Date. */
export function unixToDate(seconds: number | bigint): Date {
  return new Date((typeof seconds === "number" ? seconds : Number(seconds)) * 1000);
}

/** Whole unix seconds, as `unixepoch()` returns them (fractions of a second are dropped). */
export function dateToUnix(d: Date): number {
  return Math.floor(d.getTime() / 1000);
}

export function unixMsToDate(ms: number | bigint): Date {
  return new Date(Number(ms));
}

export function dateToUnixMs(d: Date): number {
  return d.getTime();
}

/**
 * PostgreSQL spellings SQLite does not know, recognised from SQLite's error and the words at it,
 * each with the SQLite way to say the same thing.
 */
import type { Span } from "../diagnostics/diagnostic.js";

interface Habit {
  /** SQLite's message for the habit. */
  readonly message: RegExp;
  /** The word just before the error's token, when the token alone does not tell. */
  readonly before?: string;
  /** The text at the error's token, when the message alone does not tell. */
  readonly at?: string;
  readonly note: string;
}

const habits: readonly Habit[] = [
  { message: /^near "ILIKE": syntax error$/i, note: "SQLite has no ILIKE: its LIKE already ignores case for ASCII letters (`name LIKE ?`); for other letters compare lower(name) LIKE lower(?)." },
  { message: /^unrecognized token: ":"$/, at: "::", note: "SQLite has no `::` casts: write CAST(x AS TEXT), and for a parameter CAST(? AS INTEGER)." },
  { message: /^near "'[^']*'": syntax error$/, before: "INTERVAL", note: "SQLite has no INTERVAL: shift times with date modifiers, e.g. datetime('now', '-1 day'), or in seconds unixepoch() - 86400." },
  { message: /^no such function: NOW$/i, note: "SQLite has no NOW(): use unixepoch() (seconds), datetime('now') (text, UTC) or CURRENT_TIMESTAMP." },
  { message: /^no such function: ANY$/i, note: "SQLite has no arrays: instead of `= ANY(?)` write `IN (sqlc.slice(name))`, which binds a list of values." },
  { message: /^near "ON": syntax error$/i, before: "DISTINCT", note: "SQLite has no DISTINCT ON: keep one row per group with ROW_NUMBER() OVER (PARTITION BY … ORDER BY …) in a subquery, or GROUP BY with max()/min() (the bare columns come from that row)." },
];

/** The note for a PostgreSQL habit SQLite rejected at `span` of `text`, or null. */
export function postgresHabit(message: string, text: string, span: Span): string | null {
  const at = text.slice(span.start, span.start + 2);
  const before = /(\w+)\s*$/.exec(text.slice(Math.max(0, span.start - 40), span.start))?.[1]?.toUpperCase();
  const habit = habits.find((h) => h.message.test(message) && (h.at === undefined || at === h.at) && (h.before === undefined || before === h.before));
  return habit?.note ?? null;
}

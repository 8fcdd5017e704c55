/**
 * The small runtime every generated query module uses. It is copied verbatim into the output
 * (generated/db.ts), so generated code depends on nothing but a driver.
 *
 * The driver interfaces are structural: better-sqlite3's Database satisfies them as it is.
 */

export interface RunResult {
  changes: number;
  lastInsertRowid: number | bigint;
}

export interface Statement {
  raw(toggle?: boolean): this;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  iterate(...params: unknown[]): IterableIterator<unknown>;
  run(...params: unknown[]): RunResult;
}

export interface Database {
  prepare(sql: string): Statement;
  exec(sql: string): unknown;
  readonly inTransaction: boolean;
}

/** What an `:execresult` query returns. */
export interface ExecResult {
  changes: number;
  lastInsertRowid: number;
}

/** SQLite's default limit on bound variables in one statement (SQLITE_MAX_VARIABLE_NUMBER). */
export const MAX_VARIABLES = 32766;

/**
 * One prepared statement per (database, query), prepared on first use and reused after.
 * Row-returning statements run in raw mode: arrays, mapped to objects by generated code.
 */
export function cached(sql: string, raw: boolean): (db: Database) => Statement {
  const statements = new WeakMap<Database, Statement>();
  return (db) => {
    let stmt = statements.get(db);
    if (stmt === undefined) {
      stmt = db.prepare(sql);
      if (raw) stmt.raw(true);
      statements.set(db, stmt);
    }
    return stmt;
  };
}

/**
 * A query with `sqlc.slice` lists: `parts` is its SQL with a slot number where each list goes.
 * Statements stay cached, one per combination of (padded) list lengths.
 */
export function cachedSliced(
  parts: readonly (string | number)[],
  sliceNames: readonly string[],
  fixedVariables: number,
  raw: boolean,
): (db: Database, lengths: readonly number[]) => Statement {
  const statements = new WeakMap<Database, Map<string, Statement>>();
  return (db, lengths) => {
    const key = lengths.join(",");
    let byLength = statements.get(db);
    if (byLength === undefined) {
      byLength = new Map();
      statements.set(db, byLength);
    }
    let stmt = byLength.get(key);
    if (stmt === undefined) {
      let total = fixedVariables;
      for (const part of parts) if (typeof part === "number") total += lengths[part];
      if (total > MAX_VARIABLES) {
        const sizes = sliceNames.map((n, i) => `${n} (${lengths[i]})`).join(", ");
        throw new RangeError(`sqlc.slice lists ${sizes} need ${total} bound variables; SQLite allows at most ${MAX_VARIABLES} per statement`);
      }
      const sql = parts.map((p) => (typeof p === "number" ? placeholders(lengths[p]) : p)).join("");
      stmt = db.prepare(sql);
      if (raw) stmt.raw(true);
      byLength.set(key, stmt);
    }
    return stmt;
  };
}

function placeholders(n: number): string {
  return n === 0 ? "" : "?" + ", ?".repeat(n - 1);
}

/**
 * Pads a slice to the next power of two by repeating its last value, so that lists of
 * similar lengths share one cached statement. Repeats change nothing in `IN (…)`/`NOT IN (…)`.
 * An empty list stays empty: `x IN ()` matches nothing and `x NOT IN ()` everything.
 */
export function padSlice<T>(values: readonly T[], name: string): readonly T[] {
  const n = values.length;
  if (n > MAX_VARIABLES) {
    throw new RangeError(`sqlc.slice ${name} has ${n} values; SQLite allows at most ${MAX_VARIABLES} bound variables per statement`);
  }
  if (n <= 1) return values;
  const size = Math.min(2 ** Math.ceil(Math.log2(n)), MAX_VARIABLES);
  if (size === n) return values;
  const padded = values.slice();
  for (let i = n; i < size; i++) padded.push(values[n - 1]);
  return padded;
}

/**
 * Runs `fn` in a `BEGIN IMMEDIATE` transaction: the write lock is taken up front, so no other
 * connection can write between this transaction's reads and writes (SQLite has no row locks,
 * and no FOR UPDATE). Commits on return, rolls back on throw. Nested calls join the outer one.
 */
export function immediate<T>(db: Database, fn: () => T): T {
  if (db.inTransaction) return fn();
  db.exec("BEGIN IMMEDIATE");
  try {
    const result = fn();
    db.exec("COMMIT");
    return result;
  } catch (e) {
    if (db.inTransaction) db.exec("ROLLBACK");
    throw e;
  }
}

/**
 * The bun:sqlite runtime: statements prepared once per database, rows handed to generated code as
 * arrays. Bun's `Database` (from "bun:sqlite") satisfies the interfaces below as it is.
 *
 * bun:sqlite has no per-statement array mode: `values()` gives arrays but reads every row, and
 * `get()`/`iterate()` give objects keyed by column name. So `:one` reads one row with `get()` and
 * takes `Object.values()` of it, and `…Iterate()` does the same row by row, whenever the object
 * keeps every column in order (names unique and none an array index, which objects would list
 * first); otherwise they read the rows with `values()`.
 *
 * Iterators: Bun does not lock the connection while one is open; a statement has one cursor, so
 * each `…Iterate()` runs on a statement of its own (see iterators.ts). Writes, other queries,
 * nested iterators and `immediate()` inside the loop just work, and the loop goes on (rows written
 * meanwhile may or may not be seen, as SQLite decides). Only DROP TABLE and VACUUM are refused
 * while a statement is active: a generated one ends the open iterators and is retried once.
 */
import type { ParamKinds, RunResult, SqlParts } from "./core.js";
import { inImmediate, SyncPlainQuery, SyncSliceQuery, type TransactionDriver } from "./sync-queries.js";
import { runEndingIterators, StatementPool } from "./iterators.js";

export interface Statement {
  get(...params: unknown[]): unknown;
  values(...params: unknown[]): unknown[][];
  iterate(...params: unknown[]): IterableIterator<unknown>;
  run(...params: unknown[]): RunResult;
  readonly columnNames: readonly string[];
  safeIntegers(enabled: boolean): this;
}

export interface Database {
  prepare(sql: string): Statement;
  readonly inTransaction: boolean;
}

/** Bun's SQLite is built with SQLITE_MAX_VARIABLE_NUMBER=250000. */
export const MAX_VARIABLES = 250000;

/** What Bun refuses while a statement is active: DROP TABLE (SQLITE_LOCKED) and VACUUM. */
function refusedForIterators(e: unknown): boolean {
  const { name, code, message } = (e ?? {}) as { name?: unknown; code?: unknown; message?: unknown };
  return name === "SQLiteError" && (code === "SQLITE_LOCKED" || (typeof message === "string" && message.includes("statements in progress")));
}

/** Array keys an object lists before its other keys, whatever the column order. */
const arrayIndex = /^(?:0|[1-9][0-9]*)$/;

/** A bun:sqlite statement that gives rows as arrays. */
export class PreparedStatement {
  private readonly stmt: Statement;
  /** Whether `get()`'s object holds every column, in order. */
  private readonly keyed: boolean;

  constructor(stmt: Statement, bigints = false) {
    this.stmt = bigints ? stmt.safeIntegers(true) : stmt;
    const names = stmt.columnNames;
    this.keyed = new Set(names).size === names.length && !names.some((n) => arrayIndex.test(n));
  }

  get(...args: unknown[]): unknown {
    if (!this.keyed) return this.stmt.values(...args)[0];
    const row = this.stmt.get(...args);
    return row === null ? undefined : Object.values(row as object);
  }

  all(...args: unknown[]): unknown[] {
    return this.stmt.values(...args);
  }

  run(...args: unknown[]): RunResult {
    return this.stmt.run(...args);
  }

  *iterate(...args: unknown[]): Generator<unknown[], void, undefined> {
    if (!this.keyed) {
      yield* this.stmt.values(...args);
      return;
    }
    for (const row of this.stmt.iterate(...args)) yield Object.values(row as object);
  }
}

function run(db: Database, stmt: PreparedStatement, by: string, args: readonly unknown[]): RunResult {
  return runEndingIterators(db, stmt, by, args, refusedForIterators);
}

/** A query without lists (see SyncPlainQuery). */
export class PlainQuery extends SyncPlainQuery<Database, PreparedStatement> {
  private readonly pool = new StatementPool<PreparedStatement>();

  protected prepare(db: Database, sql: string): PreparedStatement {
    return new PreparedStatement(db.prepare(sql), this.bigints);
  }

  run(db: Database, params: unknown, ...args: unknown[]): RunResult {
    return run(db, this.statement(db, params), this.name, args);
  }

  iterate<R>(db: Database, params: unknown, args: readonly unknown[], map: (r: unknown[]) => R): Generator<R, void, undefined> {
    this.check(params);
    return this.pool.iterate(this.name, db, "", () => this.prepare(db, this.sql), args, map);
  }
}

/** A query with `sqlc.slice` lists (see SyncSliceQuery). */
export class SliceQuery extends SyncSliceQuery<Database, PreparedStatement> {
  private readonly pool = new StatementPool<PreparedStatement>();

  constructor(parts: SqlParts, name: string, kinds: ParamKinds, raw: boolean, bigints = false) {
    super(parts, name, kinds, raw, bigints, MAX_VARIABLES, "bun:sqlite");
  }

  protected prepare(db: Database, sql: string): PreparedStatement {
    return new PreparedStatement(db.prepare(sql), this.bigints);
  }

  run(db: Database, params: unknown): RunResult {
    const { stmt, args } = this.bind(db, params);
    return run(db, stmt, this.query, args);
  }

  iterate<R>(db: Database, params: unknown, map: (r: unknown[]) => R): Generator<R, void, undefined> {
    const { key, prepare, args } = this.unbound(db, params);
    return this.pool.iterate(this.query, db, key, prepare, args, map);
  }
}

const transactions: TransactionDriver<Database, PreparedStatement> = {
  inTransaction: (db) => db.inTransaction,
  prepare: (db, sql) => new PreparedStatement(db.prepare(sql)),
  run: (db, stmt) => run(db, stmt, "immediate()", []),
};

/**
 * Runs `fn` in a `BEGIN IMMEDIATE` transaction: the write lock is taken up front, so no other
 * connection can write between this transaction's reads and writes (SQLite has no row locks,
 * and no FOR UPDATE). Commits on return, rolls back on throw. Nested calls join the outer one
 * (Bun's own `db.transaction()` would open a savepoint instead). The three statements are
 * prepared once per database.
 */
export function immediate<T>(db: Database, fn: () => T): T {
  return inImmediate(db, transactions, fn);
}

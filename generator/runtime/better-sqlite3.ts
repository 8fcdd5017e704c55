/**
 * The better-sqlite3 runtime: statements prepared once per database and run in raw mode (rows as
 * arrays, mapped to objects by generated code). better-sqlite3's Database satisfies the interfaces
 * below as it is.
 */
import type { ParamKinds, RunResult, SqlParts } from "./core.js";
import { inImmediate, SyncPlainQuery, SyncSliceQuery, type TransactionDriver } from "./sync-queries.js";
import { runEndingIterators, StatementPool } from "./iterators.js";

export interface Statement {
  raw(toggle?: boolean): this;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  iterate(...params: unknown[]): IterableIterator<unknown>;
  run(...params: unknown[]): RunResult;
}

export interface Database {
  prepare(sql: string): Statement;
  readonly inTransaction: boolean;
}

/** SQLite's default limit on bound variables in one statement (SQLITE_MAX_VARIABLE_NUMBER). */
export const MAX_VARIABLES = 32766;

function prepare(db: Database, sql: string, raw: boolean): Statement {
  const stmt = db.prepare(sql);
  if (raw) stmt.raw(true);
  return stmt;
}

/** A query without lists (see SyncPlainQuery). */
export class PlainQuery extends SyncPlainQuery<Database, Statement> {
  private readonly pool = new StatementPool<Statement>();

  protected prepare(db: Database, sql: string): Statement {
    return prepare(db, sql, this.raw);
  }

  run(db: Database, params: unknown, ...args: unknown[]): RunResult {
    return runEndingIterators(db, this.statement(db, params), this.name, args);
  }

  iterate<R>(db: Database, params: unknown, args: readonly unknown[], map: (r: unknown[]) => R): Generator<R, void, undefined> {
    this.check(params);
    return this.pool.iterate(this.name, db, "", () => this.prepare(db, this.sql), args, map);
  }
}

/** A query with `sqlc.slice` lists (see SyncSliceQuery). */
export class SliceQuery extends SyncSliceQuery<Database, Statement> {
  private readonly pool = new StatementPool<Statement>();

  constructor(parts: SqlParts, name: string, kinds: ParamKinds, raw: boolean) {
    super(parts, name, kinds, raw, MAX_VARIABLES, "SQLite");
  }

  protected prepare(db: Database, sql: string): Statement {
    return prepare(db, sql, this.raw);
  }

  run(db: Database, params: unknown): RunResult {
    const { stmt, args } = this.bind(db, params);
    return runEndingIterators(db, stmt, this.query, args);
  }

  iterate<R>(db: Database, params: unknown, map: (r: unknown[]) => R): Generator<R, void, undefined> {
    const { key, prepare, args } = this.unbound(db, params);
    return this.pool.iterate(this.query, db, key, prepare, args, map);
  }
}

const transactions: TransactionDriver<Database, Statement> = {
  inTransaction: (db) => db.inTransaction,
  prepare: (db, sql) => db.prepare(sql),
  run: (db, stmt) => runEndingIterators(db, stmt, "immediate()", []),
};

/**
 * Runs `fn` in a `BEGIN IMMEDIATE` transaction: the write lock is taken up front, so no other
 * connection can write between this transaction's reads and writes (SQLite has no row locks,
 * and no FOR UPDATE). Commits on return, rolls back on throw. Nested calls join the outer one.
 * The three statements are prepared once per database.
 */
export function immediate<T>(db: Database, fn: () => T): T {
  return inImmediate(db, transactions, fn);
}

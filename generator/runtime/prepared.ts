/**
 * The runtime of drivers with better-sqlite3's API (better-sqlite3 and libsql): sync-queries.ts's
 * statement caches with statements run in raw mode (rows as arrays, mapped to objects by generated
 * code), writes that end open iterators when the driver refuses them, and each `…Iterate()` on a
 * statement of its own (iterators.ts). The driver's file says how a native statement takes its
 * arguments (`statementOf`). Both drivers' Database satisfies the interfaces below as it is.
 */
import type { ParamKinds, RunResult, SqlParts } from "./core.js";
import { runEndingIterators, StatementPool } from "./iterators.js";
import { inImmediate, SyncPlainQuery, SyncSliceQuery, type TransactionDriver } from "./sync-queries.js";

/** What queries call on a statement, arguments spread. */
export interface Statement {
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  iterate(...params: unknown[]): IterableIterator<unknown>;
  run(...params: unknown[]): RunResult;
}

/** The driver's own statement. */
export interface NativeStatement extends Statement {
  raw(toggle?: boolean): this;
  safeIntegers(toggle?: boolean): this;
}

export interface Database {
  prepare(sql: string): NativeStatement;
  readonly inTransaction: boolean;
}

/** SQLite's default limit on bound variables in one statement (SQLITE_MAX_VARIABLE_NUMBER). */
export const MAX_VARIABLES = 32766;

function nativeStatement(db: Database, sql: string, raw: boolean, bigints: boolean): NativeStatement {
  const stmt = db.prepare(sql);
  if (raw) stmt.raw(true);
  if (bigints) stmt.safeIntegers(true);
  return stmt;
}

/** A query without lists (see SyncPlainQuery). */
export abstract class PreparedQuery extends SyncPlainQuery<Database, Statement> {
  private readonly pool = new StatementPool<Statement>();

  /** The driver's statement as queries call it; `prepare` makes the native one (again, if need be). */
  protected abstract statementOf(prepare: () => NativeStatement, db: Database): Statement;

  protected prepare(db: Database, sql: string): Statement {
    return this.statementOf(() => nativeStatement(db, sql, this.raw, this.bigints), db);
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
export abstract class PreparedSliceQuery extends SyncSliceQuery<Database, Statement> {
  private readonly pool = new StatementPool<Statement>();

  constructor(parts: SqlParts, name: string, kinds: ParamKinds, raw: boolean, bigints = false) {
    super(parts, name, kinds, raw, bigints, MAX_VARIABLES, "SQLite");
  }

  protected abstract statementOf(prepare: () => NativeStatement, db: Database): Statement;

  protected prepare(db: Database, sql: string): Statement {
    return this.statementOf(() => nativeStatement(db, sql, this.raw, this.bigints), db);
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

const transactions: TransactionDriver<Database, NativeStatement> = {
  inTransaction: (db) => db.inTransaction,
  prepare: (db, sql) => db.prepare(sql),
  run: (db, stmt) => runEndingIterators(db, stmt, "immediate()", []),
};

/**
 * Runs `fn` in a `BEGIN IMMEDIATE` transaction: the write lock is taken up front, so no other
 * connection can write between this transaction's reads and writes (SQLite has no row locks,
 * and no FOR UPDATE). Commits on return, rolls back on throw. Nested calls join the outer one.
 * The three statements are prepared once per database (and take no arguments, which every
 * driver's statement accepts as it is).
 */
export function immediate<T>(db: Database, fn: () => T): T {
  return inImmediate(db, transactions, fn);
}

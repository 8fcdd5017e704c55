/**
 * The node:sqlite runtime (Node's built-in `DatabaseSync`; Node 22.16+ and 24, the first with
 * `setReturnArrays` and `isTransaction`): statements prepared once per database and asked for
 * rows as arrays, mapped to objects by generated code. `DatabaseSync` satisfies the interfaces
 * below as it is.
 *
 * Iteration: unlike better-sqlite3, node:sqlite does not lock the connection while an iterator is
 * open (writes, `exec` and `close` all work), so nothing is ever ended on the user's behalf. But a
 * statement being iterated must not run again: Node 22 silently restarts the open iterator and
 * Node 24 invalidates it. So each `…Iterate()` borrows a statement of its own, given back when the
 * iterator is exhausted or left by `break`/`throw`. An iterator dropped unfinished keeps its
 * statement, and the read transaction it holds, until garbage collection finalizes the statement.
 */
import type { ParamKinds, RunResult, SqlParts } from "./core.js";
import { inImmediate, SyncPlainQuery, SyncSliceQuery, type TransactionDriver } from "./sync-queries.js";

export interface Statement {
  setReturnArrays(enabled: boolean): void;
  setReadBigInts(enabled: boolean): void;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  iterate(...params: unknown[]): Iterator<unknown>;
  /** Counts are bigints when the database was opened with `readBigInts`. */
  run(...params: unknown[]): { changes: number | bigint; lastInsertRowid: number | bigint };
}

export interface Database {
  prepare(sql: string): Statement;
  readonly isTransaction: boolean;
}

/** SQLite's default limit on bound variables in one statement, which Node's build keeps. */
export const MAX_VARIABLES = 32766;

function prepare(db: Database, sql: string, raw: boolean, bigints: boolean): Statement {
  const stmt = db.prepare(sql);
  // Node 22.5 to 22.15 have node:sqlite without array rows (nor isTransaction): say so, once per statement.
  if (typeof stmt.setReturnArrays !== "function") throw new Error("sqlgen's node:sqlite runtime needs Node 22.16 or later (StatementSync.setReturnArrays)");
  if (raw) stmt.setReturnArrays(true);
  if (bigints) stmt.setReadBigInts(true);
  return stmt;
}

/** `stmt.run()` with `changes` as a number, as generated code expects, whatever `readBigInts` says. */
function run(stmt: Statement, args: readonly unknown[]): RunResult {
  const r = stmt.run(...args);
  return typeof r.changes === "number" ? (r as RunResult) : { changes: Number(r.changes), lastInsertRowid: r.lastInsertRowid };
}

/** Idle statements lent to iterators, per database and statement shape: one per open iterator. */
class Lender {
  private readonly idle = new WeakMap<Database, Map<string, Statement[]>>();

  *rows<R>(db: Database, key: string, prepare: () => Statement, args: readonly unknown[], map: (r: unknown[]) => R): Generator<R, void, undefined> {
    let byKey = this.idle.get(db);
    if (byKey === undefined) this.idle.set(db, (byKey = new Map()));
    let free = byKey.get(key);
    if (free === undefined) byKey.set(key, (free = []));
    const stmt = free.pop() ?? prepare();
    const native = stmt.iterate(...args);
    try {
      for (let step = native.next(); step.done !== true; step = native.next()) yield map(step.value as unknown[]);
    } finally {
      // Resets the statement, releasing its read transaction, before another iterator takes it.
      native.return?.();
      free.push(stmt);
    }
  }
}

/** A query without lists (see SyncPlainQuery). */
export class PlainQuery extends SyncPlainQuery<Database, Statement> {
  private readonly lender = new Lender();

  protected prepare(db: Database, sql: string): Statement {
    return prepare(db, sql, this.raw, this.bigints);
  }

  run(db: Database, params: unknown, ...args: unknown[]): RunResult {
    return run(this.statement(db, params), args);
  }

  iterate<R>(db: Database, params: unknown, args: readonly unknown[], map: (r: unknown[]) => R): Generator<R, void, undefined> {
    this.check(params);
    return this.lender.rows(db, "", () => this.prepare(db, this.sql), args, map);
  }
}

/** A query with `sqlc.slice` lists (see SyncSliceQuery). */
export class SliceQuery extends SyncSliceQuery<Database, Statement> {
  private readonly lender = new Lender();

  constructor(parts: SqlParts, name: string, kinds: ParamKinds, raw: boolean, bigints = false) {
    super(parts, name, kinds, raw, bigints, MAX_VARIABLES, "node:sqlite");
  }

  protected prepare(db: Database, sql: string): Statement {
    return prepare(db, sql, this.raw, this.bigints);
  }

  run(db: Database, params: unknown): RunResult {
    const { stmt, args } = this.bind(db, params);
    return run(stmt, args);
  }

  iterate<R>(db: Database, params: unknown, map: (r: unknown[]) => R): Generator<R, void, undefined> {
    const { key, prepare, args } = this.unbound(db, params);
    return this.lender.rows(db, key, prepare, args, map);
  }
}

const transactions: TransactionDriver<Database, Statement> = {
  inTransaction: (db) => db.isTransaction,
  prepare: (db, sql) => db.prepare(sql),
  run: (_, stmt) => stmt.run(),
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

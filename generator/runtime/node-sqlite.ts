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
import { checkParams, checksOn, SliceShape, type ParamKinds, type RunResult, type SqlParts } from "./core.js";

export interface Statement {
  setReturnArrays(enabled: boolean): void;
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

function prepare(db: Database, sql: string, raw: boolean): Statement {
  const stmt = db.prepare(sql);
  if (raw) stmt.setReturnArrays(true);
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

/**
 * A query without lists. `statement()` returns its statement, prepared once per database, for
 * `get`/`all`; writes go through `run()` and iteration through `iterate()`.
 */
export class PlainQuery {
  private readonly statements = new WeakMap<Database, Statement>();
  private readonly lender = new Lender();
  private readonly sql: string;
  private readonly name: string;
  private readonly kinds: ParamKinds;
  private readonly raw: boolean;

  constructor(sql: string, name: string, kinds: ParamKinds, raw: boolean) {
    this.sql = sql;
    this.name = name;
    this.kinds = kinds;
    this.raw = raw;
  }

  statement(db: Database, params?: unknown): Statement {
    // The hot path of every :one and :many call: one flag test and one map lookup.
    if (checksOn()) checkParams(this.name, this.kinds, params);
    return this.statements.get(db) ?? this.prepared(db);
  }

  private prepared(db: Database): Statement {
    const stmt = prepare(db, this.sql, this.raw);
    this.statements.set(db, stmt);
    return stmt;
  }

  run(db: Database, params: unknown, ...args: unknown[]): RunResult {
    return run(this.statement(db, params), args);
  }

  iterate<R>(db: Database, params: unknown, args: readonly unknown[], map: (r: unknown[]) => R): Generator<R, void, undefined> {
    if (checksOn()) checkParams(this.name, this.kinds, params);
    return this.lender.rows(db, "", () => prepare(db, this.sql, this.raw), args, map);
  }
}

/** A query with `sqlc.slice` lists: a statement per list-length shape (see SliceShape). */
export class SliceQuery {
  private readonly statements = new WeakMap<Database, Map<string, Statement>>();
  private readonly lender = new Lender();
  private readonly shape: SliceShape;
  private readonly raw: boolean;

  constructor(parts: SqlParts, name: string, kinds: ParamKinds, raw: boolean) {
    this.shape = new SliceShape(parts, name, kinds, MAX_VARIABLES, "node:sqlite");
    this.raw = raw;
  }

  get(db: Database, params: unknown): unknown {
    const { stmt, args } = this.bind(db, params);
    return stmt.get(...args);
  }

  all(db: Database, params: unknown): unknown[] {
    const { stmt, args } = this.bind(db, params);
    return stmt.all(...args);
  }

  run(db: Database, params: unknown): RunResult {
    const { stmt, args } = this.bind(db, params);
    return run(stmt, args);
  }

  iterate<R>(db: Database, params: unknown, map: (r: unknown[]) => R): Generator<R, void, undefined> {
    const b = this.shape.bind(params);
    return this.lender.rows(db, b.key, () => prepare(db, b.sql(), this.raw), b.args, map);
  }

  private bind(db: Database, params: unknown): { stmt: Statement; args: unknown[] } {
    const b = this.shape.bind(params);
    let byKey = this.statements.get(db);
    if (byKey === undefined) this.statements.set(db, (byKey = new Map()));
    let stmt = byKey.get(b.key);
    if (stmt === undefined) {
      stmt = prepare(db, b.sql(), this.raw);
      if (b.cacheable) byKey.set(b.key, stmt);
    }
    return { stmt, args: b.args };
  }
}

const transactions = new WeakMap<Database, { begin: Statement; commit: Statement; rollback: Statement }>();

/**
 * Runs `fn` in a `BEGIN IMMEDIATE` transaction: the write lock is taken up front, so no other
 * connection can write between this transaction's reads and writes (SQLite has no row locks,
 * and no FOR UPDATE). Commits on return, rolls back on throw. Nested calls join the outer one.
 * The three statements are prepared once per database.
 */
export function immediate<T>(db: Database, fn: () => T): T {
  if (db.isTransaction) return fn();
  let t = transactions.get(db);
  if (t === undefined) transactions.set(db, (t = { begin: db.prepare("BEGIN IMMEDIATE"), commit: db.prepare("COMMIT"), rollback: db.prepare("ROLLBACK") }));
  t.begin.run();
  try {
    const result = fn();
    t.commit.run();
    return result;
  } catch (e) {
    if (db.isTransaction) t.rollback.run();
    throw e;
  }
}

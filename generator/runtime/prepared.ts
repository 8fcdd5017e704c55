/**
 * The runtime of drivers with better-sqlite3's API (better-sqlite3 and libsql): statements
 * prepared once per database and run in raw mode (rows as arrays, mapped to objects by generated
 * code); each `…Iterate()` on a statement of its own (see iterators.ts). The driver's file says
 * how a native statement takes its arguments (`statementOf`) and names the query classes.
 * Both drivers' Database satisfies the interfaces below as it is.
 */
import { checkParams, checksOn, SliceShape, type ParamKinds, type RunResult, type SqlParts } from "./core.js";
import { runEndingIterators, StatementPool } from "./iterators.js";

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
}

export interface Database {
  prepare(sql: string): NativeStatement;
  readonly inTransaction: boolean;
}

/** SQLite's default limit on bound variables in one statement (SQLITE_MAX_VARIABLE_NUMBER). */
export const MAX_VARIABLES = 32766;

/**
 * A query without lists. `statement()` returns its statement, prepared once per database, for
 * `get`/`all`; writes go through `run()` and iteration through `iterate()`.
 */
export abstract class PreparedQuery {
  private readonly statements = new WeakMap<Database, Statement>();
  private readonly pool = new StatementPool<Statement>();
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

  /** The driver's statement as queries call it, from a function preparing the native one (called at once, and again where the driver needs). */
  protected abstract statementOf(prepare: () => NativeStatement): Statement;

  statement(db: Database, params?: unknown): Statement {
    // The hot path of every :one and :many call: one flag test and one map lookup.
    if (checksOn()) checkParams(this.name, this.kinds, params);
    return this.statements.get(db) ?? this.prepared(db);
  }

  private prepared(db: Database): Statement {
    const stmt = this.statementOf(() => prepare(db, this.sql, this.raw));
    this.statements.set(db, stmt);
    return stmt;
  }

  run(db: Database, params: unknown, ...args: unknown[]): RunResult {
    return runEndingIterators(db, this.statement(db, params), this.name, args);
  }

  iterate<R>(db: Database, params: unknown, args: readonly unknown[], map: (r: unknown[]) => R): Generator<R, void, undefined> {
    if (checksOn()) checkParams(this.name, this.kinds, params);
    return this.pool.iterate(this.name, db, "", () => this.statementOf(() => prepare(db, this.sql, this.raw)), args, map);
  }
}

/** A query with `sqlc.slice` lists: a statement per list-length shape (see SliceShape). */
export abstract class PreparedSliceQuery {
  private readonly statements = new WeakMap<Database, Map<string, Statement>>();
  private readonly pool = new StatementPool<Statement>();
  private readonly shape: SliceShape;
  private readonly raw: boolean;

  constructor(parts: SqlParts, name: string, kinds: ParamKinds, raw: boolean) {
    this.shape = new SliceShape(parts, name, kinds, MAX_VARIABLES, "SQLite");
    this.raw = raw;
  }

  /** The driver's statement as queries call it, from a function preparing the native one (called at once, and again where the driver needs). */
  protected abstract statementOf(prepare: () => NativeStatement): Statement;

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
    return runEndingIterators(db, stmt, this.shape.name, args);
  }

  iterate<R>(db: Database, params: unknown, map: (r: unknown[]) => R): Generator<R, void, undefined> {
    const b = this.shape.bind(params);
    return this.pool.iterate(this.shape.name, db, b.key, () => this.statementOf(() => prepare(db, b.sql(), this.raw)), b.args, map);
  }

  private bind(db: Database, params: unknown): { stmt: Statement; args: unknown[] } {
    const b = this.shape.bind(params);
    let byKey = this.statements.get(db);
    if (byKey === undefined) this.statements.set(db, (byKey = new Map()));
    let stmt = byKey.get(b.key);
    if (stmt === undefined) {
      const sql = b.sql();
      stmt = this.statementOf(() => prepare(db, sql, this.raw));
      if (b.cacheable) byKey.set(b.key, stmt);
    }
    return { stmt, args: b.args };
  }
}

function prepare(db: Database, sql: string, raw: boolean): NativeStatement {
  const stmt = db.prepare(sql);
  if (raw) stmt.raw(true);
  return stmt;
}

const transactions = new WeakMap<Database, { begin: Statement; commit: Statement; rollback: Statement }>();

/**
 * Runs `fn` in a `BEGIN IMMEDIATE` transaction: the write lock is taken up front, so no other
 * connection can write between this transaction's reads and writes (SQLite has no row locks,
 * and no FOR UPDATE). Commits on return, rolls back on throw. Nested calls join the outer one.
 * The three statements are prepared once per database (and take no arguments, which every
 * driver's statement accepts as it is).
 */
export function immediate<T>(db: Database, fn: () => T): T {
  if (db.inTransaction) return fn();
  let t = transactions.get(db);
  if (t === undefined) transactions.set(db, (t = { begin: db.prepare("BEGIN IMMEDIATE"), commit: db.prepare("COMMIT"), rollback: db.prepare("ROLLBACK") }));
  runEndingIterators(db, t.begin, "immediate()", []);
  try {
    const result = fn();
    runEndingIterators(db, t.commit, "immediate()", []);
    return result;
  } catch (e) {
    if (db.inTransaction) runEndingIterators(db, t.rollback, "immediate()", []);
    throw e;
  }
}

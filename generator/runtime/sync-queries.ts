/**
 * What the runtimes of synchronous drivers (better-sqlite3, node:sqlite) share: statements
 * prepared once per database (per list-length shape for slice queries) and the `BEGIN IMMEDIATE`
 * transaction. Each driver file extends the two classes with how it prepares a statement (asking
 * for array rows), runs a write and iterates, the parts where drivers differ.
 */
import { checkParams, checking, SliceShape, type ParamKinds, type SqlParts } from "./core.js";

/** The statement methods generated code calls for `:one` and `:many`. */
export interface SyncStatement {
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

/** A query without lists: `statement()` is the hot path of every `:one` and `:many` call. */
export abstract class SyncPlainQuery<D extends object, S extends SyncStatement> {
  private readonly statements = new WeakMap<D, S>();
  protected readonly sql: string;
  protected readonly name: string;
  protected readonly kinds: ParamKinds;
  protected readonly raw: boolean;
  /** The query reads a bigint-mapped column: its statement reads every integer as bigint. */
  protected readonly bigints: boolean;

  constructor(sql: string, name: string, kinds: ParamKinds, raw: boolean, bigints = false) {
    this.sql = sql;
    this.name = name;
    this.kinds = kinds;
    this.raw = raw;
    this.bigints = bigints;
  }

  /** A new statement of this query on `db`, asking for array rows when `raw`. */
  protected abstract prepare(db: D, sql: string): S;

  statement(db: D, params?: unknown): S {
    // One flag test and one map lookup.
    if (checking) checkParams(this.name, this.kinds, params);
    return this.statements.get(db) ?? this.prepared(db);
  }

  private prepared(db: D): S {
    const stmt = this.prepare(db, this.sql);
    this.statements.set(db, stmt);
    return stmt;
  }

  /** Development-mode checks for the paths that do not go through `statement()`. */
  protected check(params: unknown): void {
    if (checking) checkParams(this.name, this.kinds, params);
  }
}

/** A query with `sqlc.slice` lists: a statement per list-length shape (see SliceShape). */
export abstract class SyncSliceQuery<D extends object, S extends SyncStatement> {
  private readonly statements = new WeakMap<D, Map<string, S>>();
  private readonly shape: SliceShape;
  protected readonly raw: boolean;
  protected readonly bigints: boolean;

  constructor(parts: SqlParts, name: string, kinds: ParamKinds, raw: boolean, bigints: boolean, maxVariables: number, driver: string) {
    this.shape = new SliceShape(parts, name, kinds, maxVariables, driver);
    this.raw = raw;
    this.bigints = bigints;
  }

  protected abstract prepare(db: D, sql: string): S;

  /** The query's name, for messages. */
  protected get query(): string {
    return this.shape.name;
  }

  get(db: D, params: unknown): unknown {
    const { stmt, args } = this.bind(db, params);
    return stmt.get(...args);
  }

  all(db: D, params: unknown): unknown[] {
    const { stmt, args } = this.bind(db, params);
    return stmt.all(...args);
  }

  /** The cached statement for these lists' lengths, and the values to bind. */
  protected bind(db: D, params: unknown): { stmt: S; args: unknown[] } {
    const b = this.shape.bind(params);
    let byKey = this.statements.get(db);
    if (byKey === undefined) this.statements.set(db, (byKey = new Map()));
    let stmt = byKey.get(b.key);
    if (stmt === undefined) {
      stmt = this.prepare(db, b.sql());
      if (b.cacheable) byKey.set(b.key, stmt);
    }
    return { stmt, args: b.args };
  }

  /** For iteration, which needs a statement of its own: the shape's key, a way to prepare one, the values. */
  protected unbound(db: D, params: unknown): { key: string; prepare: () => S; args: unknown[] } {
    const b = this.shape.bind(params);
    return { key: b.key, prepare: () => this.prepare(db, b.sql()), args: b.args };
  }
}

/** How a driver begins, ends and inspects a transaction. */
export interface TransactionDriver<D extends object, S> {
  inTransaction(db: D): boolean;
  prepare(db: D, sql: string): S;
  run(db: D, stmt: S): void;
}

const immediateStatements = new WeakMap<object, { begin: unknown; commit: unknown; rollback: unknown }>();

/**
 * `fn` in a `BEGIN IMMEDIATE` transaction (see each driver's `immediate`): committed on return,
 * rolled back on throw, joined by nested calls; the three statements prepared once per database.
 */
export function inImmediate<D extends object, S, T>(db: D, driver: TransactionDriver<D, S>, fn: () => T): T {
  if (driver.inTransaction(db)) return fn();
  let t = immediateStatements.get(db) as { begin: S; commit: S; rollback: S } | undefined;
  if (t === undefined) immediateStatements.set(db, (t = { begin: driver.prepare(db, "BEGIN IMMEDIATE"), commit: driver.prepare(db, "COMMIT"), rollback: driver.prepare(db, "ROLLBACK") }));
  driver.run(db, t.begin);
  try {
    const result = fn();
    driver.run(db, t.commit);
    return result;
  } catch (e) {
    if (driver.inTransaction(db)) driver.run(db, t.rollback);
    throw e;
  }
}

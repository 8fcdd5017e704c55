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
import { checkParams, checksOn, SliceShape, type ParamKinds, type RunResult, type SqlParts } from "./core.js";
import { runEndingIterators, StatementPool } from "./iterators.js";

export interface Statement {
  get(...params: unknown[]): unknown;
  values(...params: unknown[]): unknown[][];
  iterate(...params: unknown[]): IterableIterator<unknown>;
  run(...params: unknown[]): RunResult;
  readonly columnNames: readonly string[];
}

export interface Database {
  prepare(sql: string): Statement;
  readonly inTransaction: boolean;
  transaction(fn: (body: () => unknown) => unknown): { immediate(body: () => unknown): unknown };
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

/** A prepared statement that gives rows as arrays. */
class Rows {
  private readonly stmt: Statement;
  /** Whether `get()`'s object holds every column, in order. */
  private readonly keyed: boolean;

  constructor(stmt: Statement) {
    this.stmt = stmt;
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

function run(db: Database, rows: Rows, by: string, args: readonly unknown[]): RunResult {
  return runEndingIterators(db, rows, by, args, refusedForIterators);
}

/**
 * A query without lists. `statement()` returns its statement, prepared once per database, for
 * `get`/`all`; writes go through `run()` and iteration through `iterate()`.
 */
export class PlainQuery {
  private readonly statements = new WeakMap<Database, Rows>();
  private readonly pool = new StatementPool<Rows>();
  private readonly sql: string;
  private readonly name: string;
  private readonly kinds: ParamKinds;

  constructor(sql: string, name: string, kinds: ParamKinds, _raw: boolean) {
    this.sql = sql;
    this.name = name;
    this.kinds = kinds;
  }

  /** `get` gives the first row (an array) or undefined, `all` every row. */
  statement(db: Database, params?: unknown): { get(...args: unknown[]): unknown; all(...args: unknown[]): unknown[] } {
    // The hot path of every :one and :many call: one flag test and one map lookup.
    if (checksOn()) checkParams(this.name, this.kinds, params);
    return this.statements.get(db) ?? this.prepared(db);
  }

  private prepared(db: Database): Rows {
    const rows = new Rows(db.prepare(this.sql));
    this.statements.set(db, rows);
    return rows;
  }

  run(db: Database, params: unknown, ...args: unknown[]): RunResult {
    if (checksOn()) checkParams(this.name, this.kinds, params);
    return run(db, this.statements.get(db) ?? this.prepared(db), this.name, args);
  }

  iterate<R>(db: Database, params: unknown, args: readonly unknown[], map: (r: unknown[]) => R): Generator<R, void, undefined> {
    if (checksOn()) checkParams(this.name, this.kinds, params);
    return this.pool.iterate(this.name, db, "", () => new Rows(db.prepare(this.sql)), args, map);
  }
}

/** A query with `sqlc.slice` lists: a statement per list-length shape (see SliceShape). */
export class SliceQuery {
  private readonly statements = new WeakMap<Database, Map<string, Rows>>();
  private readonly pool = new StatementPool<Rows>();
  private readonly shape: SliceShape;

  constructor(parts: SqlParts, name: string, kinds: ParamKinds, _raw: boolean) {
    this.shape = new SliceShape(parts, name, kinds, MAX_VARIABLES, "bun:sqlite");
  }

  get(db: Database, params: unknown): unknown {
    const { rows, args } = this.bind(db, params);
    return rows.get(...args);
  }

  all(db: Database, params: unknown): unknown[] {
    const { rows, args } = this.bind(db, params);
    return rows.all(...args);
  }

  run(db: Database, params: unknown): RunResult {
    const { rows, args } = this.bind(db, params);
    return run(db, rows, this.shape.name, args);
  }

  iterate<R>(db: Database, params: unknown, map: (r: unknown[]) => R): Generator<R, void, undefined> {
    const b = this.shape.bind(params);
    return this.pool.iterate(this.shape.name, db, b.key, () => new Rows(db.prepare(b.sql())), b.args, map);
  }

  private bind(db: Database, params: unknown): { rows: Rows; args: unknown[] } {
    const b = this.shape.bind(params);
    let byKey = this.statements.get(db);
    if (byKey === undefined) this.statements.set(db, (byKey = new Map()));
    let rows = byKey.get(b.key);
    if (rows === undefined) {
      rows = new Rows(db.prepare(b.sql()));
      if (b.cacheable) byKey.set(b.key, rows);
    }
    return { rows, args: b.args };
  }
}

/** Per database, Bun's own transaction function, made once: it prepares BEGIN IMMEDIATE, COMMIT and ROLLBACK once. */
const transactions = new WeakMap<Database, { immediate(body: () => unknown): unknown }>();

/**
 * Runs `fn` in a `BEGIN IMMEDIATE` transaction: the write lock is taken up front, so no other
 * connection can write between this transaction's reads and writes (SQLite has no row locks,
 * and no FOR UPDATE). Commits on return, rolls back on throw. Nested calls join the outer one
 * (Bun's own nesting would open a savepoint instead).
 */
export function immediate<T>(db: Database, fn: () => T): T {
  if (db.inTransaction) return fn();
  let t = transactions.get(db);
  if (t === undefined) transactions.set(db, (t = db.transaction((body) => body())));
  return t.immediate(fn) as T;
}

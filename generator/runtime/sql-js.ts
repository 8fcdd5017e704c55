/**
 * The sql.js runtime: statements prepared once per database (rows come back as arrays, mapped to
 * objects by generated code) and freed by `closeDatabase(db)`. sql.js's Database satisfies the
 * Database interface as it is. Integers come back as JavaScript numbers: past 2^53 they lose
 * precision (sql.js reads them as doubles).
 */
import { checkParams, checking, SliceShape, type ParamKinds, type RunResult, type SqlParts } from "./core.js";
import { freeAll, prepare, StatementPool, type Database, type PreparedStatement } from "./sql-js-statements.js";

/** sql.js's SQLite is built with SQLITE_MAX_VARIABLE_NUMBER=32766. */
export const MAX_VARIABLES = 32766;

/**
 * A query without lists. `statement()` returns its statement, prepared once per database, for
 * `get`/`all`; writes go through `run()` and iteration through `iterate()`.
 */
export class PlainQuery {
  private readonly statements = new WeakMap<Database, PreparedStatement>();
  private readonly pool = new StatementPool();
  private readonly sql: string;
  private readonly name: string;
  private readonly kinds: ParamKinds;

  private readonly bigints: boolean;

  // `raw` is part of the contract for every driver; sql.js rows are always arrays.
  constructor(sql: string, name: string, kinds: ParamKinds, _raw: boolean, bigints = false) {
    this.bigints = bigints;
    this.sql = sql;
    this.name = name;
    this.kinds = kinds;
  }

  statement(db: Database, params?: unknown): PreparedStatement {
    // The hot path of every :one and :many call: one flag test and one map lookup.
    if (checking) checkParams(this.name, this.kinds, params);
    return this.statements.get(db) ?? this.prepared(db);
  }

  private prepared(db: Database): PreparedStatement {
    const stmt = prepare(db, this.sql, this.bigints);
    this.statements.set(db, stmt);
    return stmt;
  }

  run(db: Database, params: unknown, ...args: unknown[]): RunResult {
    return this.statement(db, params).run(...args);
  }

  iterate<R>(db: Database, params: unknown, args: readonly unknown[], map: (r: unknown[]) => R): Generator<R, void, undefined> {
    if (checking) checkParams(this.name, this.kinds, params);
    return this.pool.iterate(this.name, db, "", () => this.sql, this.bigints, args, map);
  }
}

/**
 * A query with `sqlc.slice` lists: a statement per list-length shape (see SliceShape). A shape
 * too rare to keep is freed right after its one use.
 */
export class SliceQuery {
  private readonly statements = new WeakMap<Database, Map<string, PreparedStatement>>();
  private readonly pool = new StatementPool();
  private readonly shape: SliceShape;

  private readonly bigints: boolean;

  constructor(parts: SqlParts, name: string, kinds: ParamKinds, _raw: boolean, bigints = false) {
    this.shape = new SliceShape(parts, name, kinds, MAX_VARIABLES, "sql.js");
    this.bigints = bigints;
  }

  get(db: Database, params: unknown): unknown {
    return this.once(db, params, first);
  }

  all(db: Database, params: unknown): unknown[] {
    return this.once(db, params, every);
  }

  run(db: Database, params: unknown): RunResult {
    return this.once(db, params, write);
  }

  iterate<R>(db: Database, params: unknown, map: (r: unknown[]) => R): Generator<R, void, undefined> {
    const b = this.shape.bind(params);
    return this.pool.iterate(this.shape.name, db, b.cacheable ? b.key : null, b.sql, this.bigints, b.args, map);
  }

  /** Runs `use` on the statement of this call's shape, freeing it after if it is not kept. */
  private once<T>(db: Database, params: unknown, use: (stmt: PreparedStatement, args: unknown[]) => T): T {
    const { stmt, args, kept } = this.bind(db, params);
    try {
      return use(stmt, args);
    } finally {
      if (!kept) stmt.free();
    }
  }

  private bind(db: Database, params: unknown): { stmt: PreparedStatement; args: unknown[]; kept: boolean } {
    const b = this.shape.bind(params);
    let byKey = this.statements.get(db);
    if (byKey === undefined) this.statements.set(db, (byKey = new Map()));
    const cached = byKey.get(b.key);
    if (cached !== undefined) return { stmt: cached, args: b.args, kept: true };
    const stmt = prepare(db, b.sql(), this.bigints);
    if (b.cacheable) byKey.set(b.key, stmt);
    return { stmt, args: b.args, kept: b.cacheable };
  }
}

const first = (stmt: PreparedStatement, args: unknown[]) => stmt.first(args);
const every = (stmt: PreparedStatement, args: unknown[]) => stmt.every(args);
const write = (stmt: PreparedStatement, args: unknown[]) => stmt.write(args);

const transactions = new WeakMap<Database, { begin: PreparedStatement; commit: PreparedStatement; rollback: PreparedStatement }>();
/** Databases inside an `immediate()` call: sql.js does not say whether a transaction is open. */
const inImmediate = new WeakSet<Database>();

/**
 * Runs `fn` in a `BEGIN IMMEDIATE` transaction: commits on return, rolls back on throw. Nested
 * calls join the outer one (a transaction begun with your own BEGIN is not seen: BEGIN IMMEDIATE
 * then fails). The three statements are prepared once per database.
 */
export function immediate<T>(db: Database, fn: () => T): T {
  if (inImmediate.has(db)) return fn();
  let t = transactions.get(db);
  if (t === undefined) transactions.set(db, (t = { begin: prepare(db, "BEGIN IMMEDIATE"), commit: prepare(db, "COMMIT"), rollback: prepare(db, "ROLLBACK") }));
  t.begin.run();
  inImmediate.add(db);
  try {
    const result = fn();
    t.commit.run();
    return result;
  } catch (e) {
    try {
      t.rollback.run();
    } catch {
      // SQLite already rolled back (some errors end the transaction themselves): nothing to undo.
    }
    throw e;
  } finally {
    inImmediate.delete(db);
  }
}

/**
 * Frees every statement the generated code prepared on `db`, then closes it. Use it instead of
 * `db.close()`: an iterator still open on `db` throws if resumed.
 */
export function closeDatabase(db: Database): void {
  freeAll(db);
  db.close();
}

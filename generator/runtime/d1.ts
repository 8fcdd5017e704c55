/**
 * The Cloudflare D1 runtime. A D1 statement is a client-side object (`prepare` sends nothing; each
 * `raw()`/`run()` is one request), immutable: `bind()` returns a new one. Statements are still
 * prepared once per database and rows asked for as arrays (`raw()`), mapped by generated code.
 * A `D1Database` binding (or a `D1DatabaseSession`) satisfies the interfaces below as it is.
 */
import { checkParams, checking, SliceShape, type ParamKinds, type RunResult, type SqlParts } from "./core.js";

/** D1's prepared statement, as generated code uses it. */
export interface Statement {
  bind(...values: unknown[]): Statement;
  /** All result rows as arrays; D1 sends BLOBs as arrays of byte numbers. */
  raw(): Promise<unknown[][]>;
  run(): Promise<{ meta: { changes: number; last_row_id: number } }>;
}

/** A `D1Database` binding, a `D1DatabaseSession`, or the recorder inside `batch()`. */
export interface Database {
  prepare(sql: string): Statement;
  batch(statements: Statement[]): Promise<{ results: unknown[]; meta: { changes: number; last_row_id: number } }[]>;
}

/** D1's limit on bound parameters per statement (workerd sets SQLITE_LIMIT_VARIABLE_NUMBER to 100). */
export const MAX_VARIABLES = 100;

/**
 * D1 returns a BLOB as an array of byte numbers: it becomes a Uint8Array, in place. Any object in
 * a D1 row is such an array (the other values are numbers, strings and null).
 */
function withBlobs(row: unknown[]): unknown[] {
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (typeof v === "object" && v !== null) row[i] = new Uint8Array(v as number[]);
  }
  return row;
}

async function first(stmt: Statement): Promise<unknown[] | undefined> {
  // D1 sends a statement's whole result in one response (`first()` too, and then builds objects):
  // taking row 0 of `raw()` is the cheapest form that keeps columns by position.
  const rows = await stmt.raw();
  const row = rows[0];
  return row === undefined ? undefined : withBlobs(row);
}

async function every(stmt: Statement): Promise<unknown[][]> {
  const rows = await stmt.raw();
  for (const row of rows) withBlobs(row);
  return rows;
}

const changesSql = "SELECT changes()";

/**
 * D1's `meta.changes` counts every row the statement made SQLite change, rows deleted by
 * ON DELETE CASCADE and rows written by triggers included (a difference of total_changes()).
 * SQLite's changes(), which every other driver reports, counts the statement's own rows: it is
 * asked for in the same `batch()`, which costs no extra round trip.
 */
async function written(db: Database, stmt: Statement): Promise<RunResult> {
  const [run, changes] = await db.batch([stmt, db.prepare(changesSql)]);
  const n = (changes!.results[0] as Record<string, unknown>)["changes()"];
  return { changes: n as number, lastInsertRowid: run!.meta.last_row_id };
}

/** A query without lists: one statement per database, bound per call. */
export class PlainQuery {
  private readonly statements = new WeakMap<Database, Statement>();
  private readonly sql: string;
  private readonly name: string;
  private readonly kinds: ParamKinds;

  // `raw` (whether the query returns rows) changes nothing here: D1 statements answer both ways.
  constructor(sql: string, name: string, kinds: ParamKinds, _raw: boolean) {
    this.sql = sql;
    this.name = name;
    this.kinds = kinds;
  }

  get(db: Database, params: unknown, ...args: unknown[]): Promise<unknown[] | undefined> {
    return first(this.bound(db, params, args));
  }

  all(db: Database, params: unknown, ...args: unknown[]): Promise<unknown[][]> {
    return every(this.bound(db, params, args));
  }

  run(db: Database, params: unknown, ...args: unknown[]): Promise<RunResult> {
    return written(db, this.bound(db, params, args));
  }

  private bound(db: Database, params: unknown, args: unknown[]): Statement {
    if (checking) checkParams(this.name, this.kinds, params);
    let stmt = this.statements.get(db);
    if (stmt === undefined) this.statements.set(db, (stmt = db.prepare(this.sql)));
    return args.length === 0 ? stmt : stmt.bind(...args);
  }
}

/** A query with `sqlc.slice` lists: a statement per list-length shape (see SliceShape). */
export class SliceQuery {
  private readonly statements = new WeakMap<Database, Map<string, Statement>>();
  private readonly shape: SliceShape;

  constructor(parts: SqlParts, name: string, kinds: ParamKinds, _raw: boolean) {
    this.shape = new SliceShape(parts, name, kinds, MAX_VARIABLES, "D1");
  }

  get(db: Database, params: unknown): Promise<unknown[] | undefined> {
    return first(this.bound(db, params));
  }

  all(db: Database, params: unknown): Promise<unknown[][]> {
    return every(this.bound(db, params));
  }

  run(db: Database, params: unknown): Promise<RunResult> {
    return written(db, this.bound(db, params));
  }

  private bound(db: Database, params: unknown): Statement {
    const b = this.shape.bind(params);
    let byKey = this.statements.get(db);
    if (byKey === undefined) this.statements.set(db, (byKey = new Map()));
    let stmt = byKey.get(b.key);
    if (stmt === undefined) {
      stmt = db.prepare(b.sql());
      if (b.cacheable) byKey.set(b.key, stmt);
    }
    return b.args.length === 0 ? stmt : stmt.bind(...b.args);
  }
}

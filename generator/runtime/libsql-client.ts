/**
 * The @libsql/client runtime (async): local files and `:memory:` (through the `libsql` package),
 * and `libsql://`, `http(s)://`, `ws(s)://` servers (Turso, sqld). Every call is one
 * `execute({ sql, args })`: the client has no prepared statements to keep (locally it prepares on
 * each call; remotely the server does), so nothing is cached per database but slice SQL text.
 * A Client and a Transaction both satisfy `Database`, so generated functions run inside
 * `transaction()` by being given its `tx`.
 */
import { checkParams, checking, SliceShape, type ParamKinds, type RunResult, type SqlParts } from "./core.js";

/** A value the client binds (its InValue). */
type Bindable = null | string | number | bigint | boolean | ArrayBuffer | Uint8Array | Date;

/**
 * The client's ResultSet, as queries read it: rows are Row objects indexed by column position
 * (used as they are, not copied); `lastInsertRowid` is undefined when the server did not say.
 */
export interface ResultSet {
  readonly rows: ArrayLike<unknown>[];
  readonly rowsAffected: number;
  readonly lastInsertRowid: bigint | undefined;
}

/** What generated functions take: a Client, or the `tx` of `transaction()`. */
export interface Database {
  execute(statement: { sql: string; args: Bindable[] }): Promise<ResultSet>;
}

/** A Client: a Database that can open an interactive transaction. */
export interface Client extends Database {
  transaction(mode: "write"): Promise<Transaction>;
}

/** The client's interactive Transaction: a Database until it commits, rolls back or closes. */
export interface Transaction extends Database {
  commit(): Promise<void>;
  rollback(): Promise<void>;
  close(): void;
}

/** libSQL keeps SQLite's default SQLITE_MAX_VARIABLE_NUMBER, locally and in sqld. */
export const MAX_VARIABLES = 32766;

/** A query without lists: its SQL and values go to `execute()` as they are. */
export class PlainQuery {
  private readonly sql: string;
  private readonly name: string;
  private readonly kinds: ParamKinds;

  // `raw` is part of the runtime contract; every result is read positionally here.
  constructor(sql: string, name: string, kinds: ParamKinds, _raw: boolean) {
    this.sql = sql;
    this.name = name;
    this.kinds = kinds;
  }

  async get(db: Database, params: unknown, ...args: unknown[]): Promise<ArrayLike<unknown> | undefined> {
    if (checking) checkParams(this.name, this.kinds, params);
    return firstRow(await db.execute({ sql: this.sql, args: args as Bindable[] }));
  }

  async all(db: Database, params: unknown, ...args: unknown[]): Promise<ArrayLike<unknown>[]> {
    if (checking) checkParams(this.name, this.kinds, params);
    return allRows(await db.execute({ sql: this.sql, args: args as Bindable[] }));
  }

  async run(db: Database, params: unknown, ...args: unknown[]): Promise<RunResult> {
    if (checking) checkParams(this.name, this.kinds, params);
    return runResult(await db.execute({ sql: this.sql, args: args as Bindable[] }));
  }
}

/** A query with `sqlc.slice` lists: SQL text per list-length shape (see SliceShape), kept once built. */
export class SliceQuery {
  private readonly shape: SliceShape;
  private readonly texts = new Map<string, string>();

  constructor(parts: SqlParts, name: string, kinds: ParamKinds, _raw: boolean) {
    this.shape = new SliceShape(parts, name, kinds, MAX_VARIABLES, "libSQL");
  }

  async get(db: Database, params: unknown): Promise<ArrayLike<unknown> | undefined> {
    return firstRow(await this.execute(db, params));
  }

  async all(db: Database, params: unknown): Promise<ArrayLike<unknown>[]> {
    return allRows(await this.execute(db, params));
  }

  async run(db: Database, params: unknown): Promise<RunResult> {
    return runResult(await this.execute(db, params));
  }

  private execute(db: Database, params: unknown): Promise<ResultSet> {
    const b = this.shape.bind(params);
    let sql = this.texts.get(b.key);
    if (sql === undefined) {
      sql = b.sql();
      if (b.cacheable) this.texts.set(b.key, sql);
    }
    return db.execute({ sql, args: b.args as Bindable[] });
  }
}

function firstRow(rs: ResultSet): ArrayLike<unknown> | undefined {
  const row = rs.rows[0];
  return row === undefined ? undefined : withBytes(row);
}

function allRows(rs: ResultSet): ArrayLike<unknown>[] {
  const rows = rs.rows;
  for (let i = 0; i < rows.length; i++) rows[i] = withBytes(rows[i]!);
  return rows;
}

/**
 * The client returns BLOBs as ArrayBuffers; generated code promises Uint8Array. Rows are frozen
 * Row objects, so a row holding a blob is copied into an array; rows without one are used as they are.
 */
function withBytes(row: ArrayLike<unknown>): ArrayLike<unknown> {
  for (let j = 0; j < row.length; j++) if (row[j] instanceof ArrayBuffer) return copied(row);
  return row;
}

/** A plain loop: Array.from with a mapper costs a call per value on this hot path. */
function copied(row: ArrayLike<unknown>): unknown[] {
  const out: unknown[] = new Array(row.length);
  for (let j = 0; j < row.length; j++) {
    const v = row[j];
    out[j] = v instanceof ArrayBuffer ? new Uint8Array(v) : v;
  }
  return out;
}

/** The client reports no rowid for statements that return rows (locally) or when the server omits it: 0 then. */
function runResult(rs: ResultSet): RunResult {
  return { changes: rs.rowsAffected, lastInsertRowid: rs.lastInsertRowid ?? 0 };
}

/**
 * Runs `fn` in an interactive write transaction (`BEGIN IMMEDIATE` locally; a write transaction on
 * a server): pass its `tx` as the `db` of generated functions. Commits when `fn` resolves, rolls
 * back when it throws (the error is rethrown). Given a transaction's `tx`, it joins it.
 * The transaction holds one of the client's connections until it ends: keep it short, and use
 * `tx`, not the client, inside it (an in-memory database has one connection and refuses).
 */
export async function transaction<T>(db: Database, fn: (tx: Database) => Promise<T>): Promise<T> {
  if (!isClient(db)) return fn(db);
  const tx = await db.transaction("write");
  try {
    const result = await fn(tx);
    await tx.commit();
    return result;
  } catch (e) {
    // The first error is the one to report: a failing rollback must not replace it (close() below still ends the transaction).
    await tx.rollback().catch(() => undefined);
    throw e;
  } finally {
    tx.close();
  }
}

/** A Client opens transactions; a Transaction (already inside one) does not. */
function isClient(db: Database): db is Client {
  return typeof (db as Partial<Client>).transaction === "function";
}

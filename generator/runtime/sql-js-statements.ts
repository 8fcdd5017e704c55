/**
 * sql.js statements as the runtime uses them. sql.js compiles SQLite to WebAssembly: each prepared
 * statement holds WASM memory until it is freed, so every statement the runtime prepares is
 * recorded per database and freed by `closeDatabase(db)` (see sql-js.ts), and a statement
 * prepared for one call only is freed after it. Statements are always reset after use: a statement
 * left mid-step keeps its tables locked (DROP TABLE fails with "database table is locked").
 */
import type { RunResult } from "./core.js";

/** What sql.js's types say it binds (it binds bigints too, and generated code binds booleans as 1/0). */
type SqlValue = number | string | Uint8Array | null;

/** The sql.js Statement methods the runtime calls; sql.js's Statement satisfies it as it is. */
export interface Statement {
  bind(values: SqlValue[]): boolean;
  step(): boolean;
  get(params?: null, config?: { useBigInt?: boolean }): unknown[];
  reset(): void;
  free(): boolean;
  getSQL(): string;
}

/** The sql.js Database methods the runtime calls; sql.js's Database satisfies it as it is. */
export interface Database {
  prepare(sql: string): Statement;
  getRowsModified(): number;
  close(): void;
}

/** Every live statement the runtime prepared, per database: what `closeDatabase(db)` frees. */
const owned = new WeakMap<Database, Set<PreparedStatement>>();

/** `bigints`: the statement reads every integer as bigint (sql.js's `useBigInt`). */
export function prepare(db: Database, sql: string, bigints = false): PreparedStatement {
  const stmt = new PreparedStatement(db, db.prepare(sql), bigints);
  let set = owned.get(db);
  if (set === undefined) owned.set(db, (set = new Set()));
  set.add(stmt);
  return stmt;
}

/** Frees every statement the runtime prepared on `db` (open iterators throw if resumed). */
export function freeAll(db: Database): void {
  for (const stmt of owned.get(db) ?? []) stmt.free();
  owned.delete(db);
}

/** `SELECT last_insert_rowid()`, prepared once per database. */
const rowids = new WeakMap<Database, PreparedStatement>();

/**
 * sql.js reports changes but not the last rowid, which costs a statement to read: it is read only
 * when asked for. Generated code reads it at once, before any other statement runs.
 */
class Changes implements RunResult {
  readonly changes: number;
  private readonly db: Database;
  private readonly bigints: boolean;

  constructor(db: Database, changes: number, bigints: boolean) {
    this.db = db;
    this.changes = changes;
    this.bigints = bigints;
  }

  get lastInsertRowid(): number | bigint {
    let stmt = rowids.get(this.db);
    // Read exactly, then as a number unless the statement reads bigints.
    if (stmt === undefined) rowids.set(this.db, (stmt = prepare(this.db, "SELECT last_insert_rowid()", true)));
    const id = stmt.get()![0] as bigint;
    return this.bigints ? id : Number(id);
  }
}

/** A statement prepared by the runtime: each method binds, steps and resets it. */
export class PreparedStatement {
  private readonly db: Database;
  private readonly stmt: Statement;
  private readonly bigints: boolean;
  /** sql.js's row options: undefined unless integers are read as bigint. */
  private readonly config: { useBigInt: true } | undefined;
  private freed = false;

  constructor(db: Database, stmt: Statement, bigints: boolean) {
    this.db = db;
    this.stmt = stmt;
    this.bigints = bigints;
    this.config = bigints ? { useBigInt: true } : undefined;
  }

  /** The first row (an array), or undefined. */
  get(...args: unknown[]): unknown[] | undefined {
    return this.first(args);
  }

  all(...args: unknown[]): unknown[][] {
    return this.every(args);
  }

  run(...args: unknown[]): RunResult {
    return this.write(args);
  }

  // The same, with the values in an array: slice queries bind many without spreading them.

  first(args: unknown[]): unknown[] | undefined {
    const s = this.stmt;
    s.bind(args as SqlValue[]);
    try {
      return s.step() ? s.get(null, this.config) : undefined;
    } finally {
      s.reset();
    }
  }

  every(args: unknown[]): unknown[][] {
    const s = this.stmt;
    s.bind(args as SqlValue[]);
    try {
      const rows: unknown[][] = [];
      while (s.step()) rows.push(s.get(null, this.config));
      return rows;
    } finally {
      s.reset();
    }
  }

  write(args: unknown[]): RunResult {
    const s = this.stmt;
    s.bind(args as SqlValue[]);
    try {
      // Stepped to the end, as a RETURNING statement counts its changes only once done.
      while (s.step());
      return new Changes(this.db, this.db.getRowsModified(), this.bigints);
    } finally {
      s.reset();
    }
  }

  /** Rows one at a time; `query` names the query if the statement is freed while iterating. */
  *rows<R>(query: string, args: readonly unknown[], map: (r: unknown[]) => R): Generator<R, void, undefined> {
    const s = this.stmt;
    s.bind(args as SqlValue[]);
    try {
      for (;;) {
        if (this.freed) throw new Error(`${query}: this iterator's database was closed by closeDatabase() while it was open`);
        if (!s.step()) return;
        yield map(s.get(null, this.config));
      }
    } finally {
      this.reset();
    }
  }

  /**
   * Resets a statement an iterator leaves, never a freed one: sql.js would hand SQLite a NULL
   * statement. Freed by closeDatabase() (`freed`) or by a plain db.close() (its SQL is then "").
   */
  reset(): void {
    if (!this.freed && this.stmt.getSQL() !== "") this.stmt.reset();
  }

  free(): void {
    if (this.freed) return;
    this.freed = true;
    this.stmt.free();
    owned.get(this.db)?.delete(this);
  }
}

/**
 * The statement an iterator has lent (none before its first row, nor after it ended), and where it
 * goes back: its query's idle list, or freed when it was prepared for this iterator only.
 */
interface Lent {
  stmt: PreparedStatement | undefined;
  readonly idle: PreparedStatement[] | null;
}

/** An abandoned iterator's statement is reset and given back when the iterator is collected. */
const abandoned = new FinalizationRegistry<Lent>(giveBack);

function giveBack(lent: Lent): void {
  if (lent.stmt === undefined) return;
  lent.stmt.reset();
  if (lent.idle === null) lent.stmt.free();
  else lent.idle.push(lent.stmt);
  lent.stmt = undefined;
}

/**
 * Idle statements of one query per database, lent one per open `…Iterate()`: each iterator steps a
 * statement of its own, so any query (the same one included) may run inside the loop. sql.js
 * locks nothing while a statement is mid-step, so writes inside the loop work too.
 */
export class StatementPool {
  private readonly idle = new WeakMap<Database, Map<string, PreparedStatement[]>>();

  /** `key` names the statement's shape; null for a shape too rare to keep (freed after the loop). */
  iterate<R>(query: string, db: Database, key: string | null, sql: () => string, bigints: boolean, args: readonly unknown[], map: (r: unknown[]) => R): Generator<R, void, undefined> {
    const idle = key === null ? null : this.idleList(db, key);
    const lent: Lent = { stmt: undefined, idle };
    const rows = lentRows(query, lent, () => idle?.pop() ?? prepare(db, sql(), bigints), args, map);
    abandoned.register(rows, lent, lent);
    return rows;
  }

  private idleList(db: Database, key: string): PreparedStatement[] {
    let byKey = this.idle.get(db);
    if (byKey === undefined) this.idle.set(db, (byKey = new Map()));
    let idle = byKey.get(key);
    if (idle === undefined) byKey.set(key, (idle = []));
    return idle;
  }
}

function* lentRows<R>(query: string, lent: Lent, take: () => PreparedStatement, args: readonly unknown[], map: (r: unknown[]) => R): Generator<R, void, undefined> {
  const stmt = (lent.stmt = take());
  try {
    yield* stmt.rows(query, args, map);
  } finally {
    abandoned.unregister(lent);
    giveBack(lent);
  }
}

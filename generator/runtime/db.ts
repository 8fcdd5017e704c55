/**
 * The small runtime every generated query module uses. It is copied verbatim into the output
 * (generated/db.ts), so generated code depends on nothing but a driver.
 *
 * The driver interfaces are structural: better-sqlite3's Database satisfies them as it is.
 *
 * Iteration guarantee (better-sqlite3 locks a statement while an iterator on it is open, and
 * refuses every `run()`, `exec()`, pragma and `close()` on the connection until it ends):
 * - each `…Iterate()` runs on a statement of its own, so calling any query function, or another
 *   `…Iterate()`, inside the loop works;
 * - an iterator ends when it is exhausted, on `break`/`throw` out of a for-of (`return()`), when it
 *   is garbage-collected unfinished, and when a generated write or `immediate()` is refused by the
 *   driver because of it (then the write is retried once; in unsafe mode, where the driver allows
 *   it, nothing is ended); an iterator ended that way throws if it is resumed, never stopping
 *   silently early. Writes of your own (`db.prepare(…).run()`, `db.close()`) are not seen: call
 *   `endIterators(db)` first when an iterator may have been dropped unfinished. Iterators are
 *   tracked per copy of this file: give one connection one generated output.
 */

export interface RunResult {
  changes: number;
  lastInsertRowid: number | bigint;
}

export interface Statement {
  raw(toggle?: boolean): this;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  iterate(...params: unknown[]): IterableIterator<unknown>;
  run(...params: unknown[]): RunResult;
}

export interface Database {
  prepare(sql: string): Statement;
  readonly inTransaction: boolean;
}

/** What an `:execresult` query returns. */
export interface ExecResult {
  changes: number;
  lastInsertRowid: number;
}

/** SQLite's default limit on bound variables in one statement (SQLITE_MAX_VARIABLE_NUMBER). */
export const MAX_VARIABLES = 32766;

/**
 * A parameter's declared kind: its value type, `?` when it may be NULL, `[]` for a `sqlc.slice`
 * list. Generated code lists them per query, keyed by params field, in binding order.
 */
export type ParamKind = `${"number" | "string" | "boolean" | "blob" | "unknown"}${"" | "?"}${"" | "[]"}`;
export type ParamKinds = Readonly<Record<string, ParamKind>>;

/** A slice query's SQL: text, with one part per placeholder (a value, or a whole list). */
export type SqlParts = readonly (string | { readonly value: string } | { readonly list: string })[];

let checking = false;

/**
 * Development mode: check every parameter against its declared kind before binding (finite
 * numbers, real booleans, arrays for lists, no missing fields), throwing a TypeError that names
 * the query and the parameter. Off by default: the checks cost time on every call.
 */
export function checkParameters(on = true): void {
  checking = on;
}

function checkParams(query: string, kinds: ParamKinds, params: unknown): void {
  const fields = Object.keys(kinds);
  if (fields.length === 0) return;
  if (typeof params !== "object" || params === null) throw new TypeError(`${query}: params must be an object with ${fields.join(", ")}; got ${shown(params)}`);
  for (const [field, kind] of Object.entries(kinds)) {
    const value = (params as Record<string, unknown>)[field];
    if (!kind.endsWith("[]")) checkValue(query, field, kind, value);
    else if (!Array.isArray(value)) throw new TypeError(`${query}: parameter ${field} is a sqlc.slice list and must be an array; got ${shown(value)}`);
    else for (let i = 0; i < value.length; i++) checkValue(query, `${field}[${i}]`, kind.slice(0, -2), value[i]);
  }
}

function checkValue(query: string, where: string, kind: string, v: unknown): void {
  const nullable = kind.endsWith("?");
  const base = nullable ? kind.slice(0, -1) : kind;
  if (v === null ? nullable || base === "unknown" : fits(base, v)) return;
  const wanted = base === "unknown" ? "a number, bigint, string or Uint8Array" : base === "blob" ? "a Uint8Array" : base === "number" ? "a finite number" : `a ${base}`;
  throw new TypeError(`${query}: parameter ${where} must be ${wanted}${nullable ? " or null" : ""}; got ${shown(v)}`);
}

function fits(base: string, v: unknown): boolean {
  switch (base) {
    case "number":
      return typeof v === "number" && Number.isFinite(v);
    case "string":
    case "boolean":
      return typeof v === base;
    case "blob":
      return v instanceof Uint8Array;
    default:
      return typeof v === "string" || typeof v === "bigint" || v instanceof Uint8Array || (typeof v === "number" && !Number.isNaN(v));
  }
}

function shown(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (v === null || v === undefined || typeof v === "number" || typeof v === "boolean") return String(v);
  return typeof v === "object" ? (v.constructor?.name ?? "object") : typeof v;
}

/** Booleans bind as 1/0: SQLite has no boolean type and the driver refuses them. */
function bindable(kind: string, v: unknown): unknown {
  return kind.startsWith("boolean") && v !== null ? (v ? 1 : 0) : v;
}

/** A statement lent to one iterator, and how to give it back. */
interface Lent {
  readonly stmt: Statement;
  readonly giveBack: () => void;
}

/** An open `…Iterate()`: its statement, lent from a pool, until it ends. */
class Cursor {
  private native: Iterator<unknown> | undefined;
  private giveBack: (() => void) | undefined;
  private endedBy: string | undefined;
  private readonly query: string;
  private readonly db: Database;
  private readonly lend: () => Lent;
  private readonly args: readonly unknown[];

  constructor(query: string, db: Database, lend: () => Lent, args: readonly unknown[]) {
    this.query = query;
    this.db = db;
    this.lend = lend;
    this.args = args;
  }

  open(): Iterator<unknown> {
    const { stmt, giveBack } = this.lend();
    this.native = stmt.iterate(...this.args);
    this.giveBack = giveBack;
    let set = cursors.get(this.db);
    if (set === undefined) cursors.set(this.db, (set = new Set()));
    set.add(this);
    return this.native;
  }

  /** Idempotent. `by` says why, when the iterator did not end on its own. */
  end(by?: string): void {
    if (this.native === undefined || this.giveBack === undefined) return;
    this.endedBy = by;
    this.native.return?.();
    cursors.get(this.db)?.delete(this);
    unreachable.unregister(this);
    this.giveBack();
    this.giveBack = undefined;
  }

  checkResumable(): void {
    if (this.endedBy !== undefined) {
      throw new Error(`${this.query}: this iterator was ended by ${this.endedBy}, which better-sqlite3 refuses while an iterator is open on the connection; finish or break the loop before writing, or read the rows with the non-iterating function first`);
    }
  }
}

const cursors = new WeakMap<Database, Set<Cursor>>();
const unreachable = new FinalizationRegistry<Cursor>((c) => c.end("garbage collection"));

function* cursorRows<R>(c: Cursor, map: (r: unknown[]) => R): Generator<R, void, undefined> {
  const native = c.open();
  try {
    for (;;) {
      const step = native.next();
      if (step.done) return;
      yield map(step.value as unknown[]);
      c.checkResumable();
    }
  } finally {
    c.end();
  }
}

/** Ends every iterator still open on `db` (each throws if resumed); returns how many there were. */
export function endIterators(db: Database, by = "endIterators()"): number {
  const open = cursors.get(db);
  if (open === undefined || open.size === 0) return 0;
  const n = open.size;
  for (const c of [...open]) c.end(by);
  return n;
}

/** `stmt.run()`, ending open iterators and retrying once if the driver refused because of them. */
function runEndingIterators(db: Database, stmt: Statement, by: string, args: readonly unknown[]): RunResult {
  try {
    return stmt.run(...args);
  } catch (e) {
    // The driver's refusals are TypeErrors (by name: they may come from another realm).
    if ((e as { name?: unknown } | null)?.name !== "TypeError" || endIterators(db, by) === 0) throw e;
    return stmt.run(...args);
  }
}

/** Idle statements of one query per database, lent to iterators: one per open iterator. */
class Pool {
  private readonly idle = new WeakMap<Database, Map<string, Statement[]>>();

  lend(db: Database, key: string, prepare: () => Statement): Lent {
    let byKey = this.idle.get(db);
    if (byKey === undefined) this.idle.set(db, (byKey = new Map()));
    let free = byKey.get(key);
    if (free === undefined) byKey.set(key, (free = []));
    const stmt = free.pop() ?? prepare();
    const list = free;
    return { stmt, giveBack: () => list.push(stmt) };
  }
}

/** What plain and slice queries share: their name and parameter kinds, and iteration. */
class QueryInfo {
  readonly name: string;
  private readonly kinds: ParamKinds;
  private readonly raw: boolean;
  private readonly pool = new Pool();

  constructor(name: string, kinds: ParamKinds, raw: boolean) {
    this.name = name;
    this.kinds = kinds;
    this.raw = raw;
  }

  kind(field: string): ParamKind {
    return this.kinds[field] ?? "unknown";
  }

  check(params: unknown): void {
    if (checking) checkParams(this.name, this.kinds, params);
  }

  /** Row-returning statements run in raw mode: arrays, mapped to objects by generated code. */
  prepare(db: Database, sql: string): Statement {
    const stmt = db.prepare(sql);
    if (this.raw) stmt.raw(true);
    return stmt;
  }

  /** Rows of a statement lent from the pool under `key` (its SQL made on first need). */
  iterate<R>(db: Database, key: string, sql: () => string, args: readonly unknown[], map: (r: unknown[]) => R): Generator<R, void, undefined> {
    const cursor = new Cursor(this.name, db, () => this.pool.lend(db, key, () => this.prepare(db, sql())), args);
    const rows = cursorRows(cursor, map);
    unreachable.register(rows, cursor, cursor);
    return rows;
  }
}

/**
 * A query without lists. `statement()` returns its statement, prepared once per database, for
 * `get`/`all`; writes go through `run()` and iteration through `iterate()`.
 */
export class PlainQuery {
  private readonly statements = new WeakMap<Database, Statement>();
  private readonly sql: string;
  private readonly info: QueryInfo;

  constructor(sql: string, name: string, kinds: ParamKinds, raw: boolean) {
    this.sql = sql;
    this.info = new QueryInfo(name, kinds, raw);
  }

  statement(db: Database, params?: unknown): Statement {
    // The hot path of every :one and :many call: one flag test and one map lookup.
    if (checking) this.info.check(params);
    return this.statements.get(db) ?? this.prepared(db);
  }

  private prepared(db: Database): Statement {
    const stmt = this.info.prepare(db, this.sql);
    this.statements.set(db, stmt);
    return stmt;
  }

  run(db: Database, params: unknown, ...args: unknown[]): RunResult {
    return runEndingIterators(db, this.statement(db, params), this.info.name, args);
  }

  iterate<R>(db: Database, params: unknown, args: readonly unknown[], map: (r: unknown[]) => R): Generator<R, void, undefined> {
    this.info.check(params);
    return this.info.iterate(db, "", () => this.sql, args, map);
  }
}

/** Lists up to this length get a statement of their exact length; longer ones are padded. */
const EXACT_LIST_LENGTHS = 64;

/**
 * A query with `sqlc.slice` lists. Statements stay cached per database and per combination of
 * list lengths: exact up to EXACT_LIST_LENGTHS, beyond that padded to the next power of two by
 * repeating the list's last value (which changes neither `IN` nor `NOT IN`; NULL would break
 * `NOT IN`), unless padding would pass SQLite's variable limit. An empty list stays empty:
 * `x IN ()` matches nothing and `x NOT IN ()` everything.
 */
export class SliceQuery {
  private readonly statements = new WeakMap<Database, Map<string, Statement>>();
  private readonly parts: SqlParts;
  private readonly info: QueryInfo;
  /** The list parameters, in the order of `kinds`; `values` counts the single placeholders. */
  private readonly lists: readonly string[];
  private readonly values: number;

  constructor(parts: SqlParts, name: string, kinds: ParamKinds, raw: boolean) {
    this.parts = parts;
    this.info = new QueryInfo(name, kinds, raw);
    this.lists = Object.entries(kinds).filter(([, kind]) => kind.endsWith("[]")).map(([field]) => field);
    this.values = parts.filter((p) => typeof p === "object" && "value" in p).length;
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
    return runEndingIterators(db, stmt, this.info.name, args);
  }

  iterate<R>(db: Database, params: unknown, map: (r: unknown[]) => R): Generator<R, void, undefined> {
    this.info.check(params);
    const { sizes } = this.sizes(params);
    return this.info.iterate(db, sizes.join(","), () => this.sqlFor(sizes), this.args(params as Record<string, unknown>, sizes), map);
  }

  private bind(db: Database, params: unknown): { stmt: Statement; args: unknown[] } {
    this.info.check(params);
    const { sizes, cacheable } = this.sizes(params);
    const key = sizes.join(",");
    let byKey = this.statements.get(db);
    if (byKey === undefined) this.statements.set(db, (byKey = new Map()));
    let stmt = byKey.get(key);
    if (stmt === undefined) {
      stmt = this.info.prepare(db, this.sqlFor(sizes));
      if (cacheable) byKey.set(key, stmt);
    }
    return { stmt, args: this.args(params as Record<string, unknown>, sizes) };
  }

  /**
   * Per list, how many placeholders it gets: padded when that stays within the limit, else exact
   * (long lists of many distinct lengths near the limit: such statements are not cached).
   */
  private sizes(params: unknown): { sizes: number[]; cacheable: boolean } {
    const exact = this.lists.map((f) => (params as Record<string, readonly unknown[]>)[f]!.length);
    const sizes = exact.map(padded);
    if (this.variables(sizes) <= MAX_VARIABLES) return { sizes, cacheable: true };
    const needed = this.variables(exact);
    if (needed <= MAX_VARIABLES) return { sizes: exact, cacheable: false };
    const lists = this.lists.map((f, i) => `${f} (${exact[i]} values)`).join(", ");
    throw new RangeError(`${this.info.name}: sqlc.slice ${lists} with ${this.values} other parameters need ${needed} bound variables; SQLite allows at most ${MAX_VARIABLES} per statement`);
  }

  private variables(sizes: readonly number[]): number {
    let total = this.values;
    for (const p of this.parts) if (typeof p === "object" && "list" in p) total += sizes[this.lists.indexOf(p.list)]!;
    return total;
  }

  private sqlFor(sizes: readonly number[]): string {
    return this.parts.map((p) => (typeof p === "string" ? p : "value" in p ? "?" : placeholders(sizes[this.lists.indexOf(p.list)]!))).join("");
  }

  private args(params: Record<string, unknown>, sizes: readonly number[]): unknown[] {
    const args: unknown[] = [];
    for (const p of this.parts) {
      if (typeof p === "string") continue;
      if ("value" in p) {
        args.push(bindable(this.info.kind(p.value), params[p.value]));
        continue;
      }
      const values = params[p.list] as readonly unknown[];
      const kind = this.info.kind(p.list);
      for (const v of values) args.push(bindable(kind, v));
      for (let i = values.length; i < sizes[this.lists.indexOf(p.list)]!; i++) args.push(bindable(kind, values[values.length - 1]));
    }
    return args;
  }
}

function padded(n: number): number {
  return n <= EXACT_LIST_LENGTHS ? n : 2 ** Math.ceil(Math.log2(n));
}

function placeholders(n: number): string {
  return n === 0 ? "" : "?" + ", ?".repeat(n - 1);
}

const transactions = new WeakMap<Database, { begin: Statement; commit: Statement; rollback: Statement }>();

/**
 * Runs `fn` in a `BEGIN IMMEDIATE` transaction: the write lock is taken up front, so no other
 * connection can write between this transaction's reads and writes (SQLite has no row locks,
 * and no FOR UPDATE). Commits on return, rolls back on throw. Nested calls join the outer one.
 * The three statements are prepared once per database.
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

/**
 * What every driver's runtime shares: parameter kinds and their development-mode checks, the shape
 * of `sqlc.slice` statements, and result types. Generated db.ts files are this file followed by
 * the driver's own (see generator/targets/drivers.ts), so everything here is self-contained.
 */

import { dateToIso, dateToSqliteText, dateToUnix, dateToUnixMs } from "./values.js";

/** A write's result, as every driver's runtime reports it. */
export interface RunResult {
  changes: number;
  lastInsertRowid: number | bigint;
}

/** What an `:execresult` query returns. */
export interface ExecResult {
  changes: number;
  lastInsertRowid: number;
}

/**
 * A parameter's declared kind: its value type, `?` when it may be NULL, `[]` for a `sqlc.slice`
 * list. Generated code lists them per query, keyed by params field, in binding order.
 */
export type ParamKind = `${ValueKind}${"" | "?"}${"" | "[]"}`;
type ValueKind = "number" | "string" | "boolean" | "blob" | "unknown" | "bigint" | "json" | `date-${"iso" | "sqlite" | "unixepoch" | "unixepoch-ms"}`;
export type ParamKinds = Readonly<Record<string, ParamKind>>;

/** A slice query's SQL: text, with one part per placeholder (a value, or a whole list). */
export type SqlParts = readonly (string | { readonly value: string } | { readonly list: string })[];

/**
 * Whether development-mode checks are on. Hot paths test this variable itself (an imported live
 * binding; one variable once db.ts is one file): a call to a getter there cost :one ~8 % speed.
 */
export let checking = false;

/**
 * Development mode: check every parameter against its declared kind before binding (finite
 * numbers, real booleans, arrays for lists, no missing fields), throwing a TypeError that names
 * the query and the parameter. Off by default: the checks cost time on every call.
 */
export function checkParameters(on = true): void {
  checking = on;
}

export function checkParams(query: string, kinds: ParamKinds, params: unknown): void {
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
  const wanted = base === "unknown" ? "a number, bigint, string or Uint8Array" : base === "blob" ? "a Uint8Array" : base === "number" ? "a finite number" : base.startsWith("date") ? "a valid Date" : base === "json" ? "a JSON value" : `a ${base}`;
  throw new TypeError(`${query}: parameter ${where} must be ${wanted}${nullable ? " or null" : ""}; got ${shown(v)}`);
}

function fits(base: string, v: unknown): boolean {
  switch (base) {
    case "number":
      return typeof v === "number" && Number.isFinite(v);
    case "string":
    case "boolean":
    case "bigint":
      return typeof v === base;
    case "blob":
      return v instanceof Uint8Array;
    case "json":
      return v !== undefined;
    case "date-iso":
    case "date-sqlite":
    case "date-unixepoch":
    case "date-unixepoch-ms":
      return v instanceof Date && !Number.isNaN(v.getTime());
    default:
      return typeof v === "string" || typeof v === "bigint" || v instanceof Uint8Array || (typeof v === "number" && !Number.isNaN(v));
  }
}

function shown(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (v === null || v === undefined || typeof v === "number" || typeof v === "boolean") return String(v);
  return typeof v === "object" ? (v.constructor?.name ?? "object") : typeof v;
}

/** A list item as the driver binds it: booleans as 1/0 (drivers refuse them), mapped values stored as they are stored. */
function bindable(kind: string, v: unknown): unknown {
  if (v === null) return v;
  const base = kind.replace(/[?\[\]]+$/, "");
  switch (base) {
    case "boolean":
      return v ? 1 : 0;
    case "json":
      return JSON.stringify(v);
    case "date-iso":
      return dateToIso(v as Date);
    case "date-sqlite":
      return dateToSqliteText(v as Date);
    case "date-unixepoch":
      return dateToUnix(v as Date);
    case "date-unixepoch-ms":
      return dateToUnixMs(v as Date);
    default:
      return v;
  }
}

/** Lists up to this length get a statement of their exact length; longer ones are padded. */
const EXACT_LIST_LENGTHS = 64;

/** How one call of a slice query binds: its statement's cache key and SQL, and the values. */
export interface SliceBinding {
  readonly key: string;
  /** Whether a statement of this shape may be kept: false for rare shapes near the limit. */
  readonly cacheable: boolean;
  readonly sql: () => string;
  readonly args: unknown[];
}

/**
 * The statements of a query with `sqlc.slice` lists, one per combination of list lengths: exact up
 * to EXACT_LIST_LENGTHS, beyond that padded to the next power of two by repeating the list's last
 * value (which changes neither `IN` nor `NOT IN`; NULL would break `NOT IN`), unless padding would
 * pass the driver's variable limit. An empty list stays empty: `x IN ()` matches nothing and
 * `x NOT IN ()` everything.
 */
export class SliceShape {
  readonly name: string;
  private readonly parts: SqlParts;
  private readonly kinds: ParamKinds;
  private readonly maxVariables: number;
  private readonly driver: string;
  /** The list parameters, in the order of `kinds`; `values` counts the single placeholders. */
  private readonly lists: readonly string[];
  private readonly values: number;

  constructor(parts: SqlParts, name: string, kinds: ParamKinds, maxVariables: number, driver: string) {
    this.parts = parts;
    this.name = name;
    this.kinds = kinds;
    this.maxVariables = maxVariables;
    this.driver = driver;
    this.lists = Object.entries(kinds).filter(([, kind]) => kind.endsWith("[]")).map(([field]) => field);
    this.values = parts.filter((p) => typeof p === "object" && "value" in p).length;
  }

  bind(params: unknown): SliceBinding {
    if (checking) checkParams(this.name, this.kinds, params);
    const { sizes, cacheable } = this.sizes(params);
    return { key: sizes.join(","), cacheable, sql: () => this.sqlFor(sizes), args: this.args(params as Record<string, unknown>, sizes) };
  }

  /** Per list, how many placeholders it gets: padded when that stays within the limit, else exact. */
  private sizes(params: unknown): { sizes: number[]; cacheable: boolean } {
    const exact = this.lists.map((f) => (params as Record<string, readonly unknown[]>)[f]!.length);
    const sizes = exact.map(padded);
    if (this.variables(sizes) <= this.maxVariables) return { sizes, cacheable: true };
    const needed = this.variables(exact);
    if (needed <= this.maxVariables) return { sizes: exact, cacheable: false };
    const lists = this.lists.map((f, i) => `${f} (${exact[i]} values)`).join(", ");
    throw new RangeError(`${this.name}: sqlc.slice ${lists} with ${this.values} other parameters need ${needed} bound variables; ${this.driver} allows at most ${this.maxVariables} per statement`);
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
        args.push(bindable(this.kinds[p.value] ?? "unknown", params[p.value]));
        continue;
      }
      const values = params[p.list] as readonly unknown[];
      const kind = this.kinds[p.list] ?? "unknown";
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

/**
 * What SQLite's built-in functions return, and when they can return NULL.
 * Each rule sees the argument types and whether the call is a window call.
 */
import { withNullable } from "./value-type.js";
import type { TsType, ValueType } from "../ir/query-ir.js";

export interface CallInfo {
  readonly args: readonly ValueType[];
  /** Arguments that are literals (constant input). */
  readonly literalArgs: readonly boolean[];
  /** How each argument is named in a reason ("`u.name`, " for a column, else ""). */
  readonly argTexts: readonly string[];
  /**
   * An aggregate here sees at least one row: a window call, or a query with GROUP BY. Then
   * sum/min/max/avg are NULL only if their argument is; over no rows at all they are NULL.
   */
  readonly seesRows: boolean;
}

/** `name` as called, lower case, for the reason (`why`) it gives. */
type Rule = (call: CallInfo, name: string) => ValueType;

/** The first typed argument: functions that pass a value through (COALESCE, MIN…) keep its mapping. */
const first = (c: CallInfo): ValueType => c.args.find((a) => a.ts !== "unknown") ?? { ts: "unknown", nullable: true };
const is = (t: TsType | ValueType, nullable: boolean, why: string): ValueType => (typeof t === "string" ? { ts: t, nullable, why } : withNullable(t, nullable, why));
/** NULL when an argument is, with the first such argument's reason. */
const withArgs = (ts: TsType | ValueType, c: CallInfo, name: string, notNull = `no argument of ${name}() is NULL`): ValueType => {
  const i = c.args.findIndex((a) => a.nullable);
  return i < 0 ? is(ts, false, notNull) : is(ts, true, `an argument of ${name}() may be NULL: ${c.argTexts[i] ?? ""}${c.args[i].why ?? "may be NULL"}`);
};
const strict = (ts: TsType): Rule => (c, name) => withArgs(ts, c, name);
const always = (ts: TsType): Rule => (_, name) => is(ts, false, `${name}() is never NULL`);
const maybe = (ts: TsType): Rule => (_, name) => is(ts, true, `${name}() may give NULL`);
/** An aggregate that is NULL over no rows, and otherwise NULL only for NULL input. */
const fold = (ts: TsType | null): Rule => (c, name) =>
  c.seesRows ? withArgs(ts ?? first(c), c, name) : is(ts ?? first(c), true, `${name}() is an aggregate over a possibly empty set of rows (NULL when there are none)`);
/** Date functions give NULL on input they cannot read; with no or constant arguments they cannot fail. */
const dateRule = (ts: TsType): Rule => (c, name) => (c.literalArgs.every(Boolean) ? is(ts, false, `${name}() of constants`) : is(ts, true, `${name}() is NULL for input it cannot read`));
/** coalesce/ifnull: NULL only when every argument is. */
const firstNonNull: Rule = (c, name) => {
  const i = c.args.findIndex((a) => !a.nullable);
  return i < 0 ? is(first(c), true, `every argument of ${name}() may be NULL`) : is(first(c), false, `${name}() has an argument that is never NULL: ${c.argTexts[i] ?? ""}${c.args[i].why ?? ""}`);
};
/** likely(x) and the like return their first argument. */
const passThrough: Rule = (c, name) => c.args[0] ?? is("unknown", true, `${name}() without an argument`);
/** lag, lead, first_value…: NULL where the window has no such row. */
const windowValue: Rule = (c, name) => is(first(c), true, `${name}() is NULL where the window has no such row`);

const rules: Record<string, Rule> = {
  // Aggregates
  count: always("number"),
  total: always("number"),
  sum: fold("number"),
  avg: fold("number"),
  group_concat: fold("string"),
  string_agg: fold("string"),
  json_group_array: always("string"),
  json_group_object: always("string"),
  // min/max: one argument is the aggregate (NULL on no rows); more is the scalar form.
  min: (c, name) => (c.args.length === 1 ? fold(null)(c, name) : withArgs(first(c), c, name)),
  max: (c, name) => (c.args.length === 1 ? fold(null)(c, name) : withArgs(first(c), c, name)),
  // Window functions
  row_number: always("number"),
  rank: always("number"),
  dense_rank: always("number"),
  ntile: always("number"),
  cume_dist: always("number"),
  percent_rank: always("number"),
  lag: windowValue,
  lead: windowValue,
  first_value: windowValue,
  last_value: windowValue,
  nth_value: windowValue,
  // NULL handling
  coalesce: firstNonNull,
  ifnull: firstNonNull,
  nullif: (c) => is(c.args[0] ?? "unknown", true, "nullif() is NULL when its arguments are equal"),
  iif: (c, name) => withArgs(first({ ...c, args: c.args.slice(1) }), { ...c, args: c.args.slice(1), argTexts: c.argTexts.slice(1) }, name, `neither result of ${name}() is NULL`),
  likely: passThrough,
  unlikely: passThrough,
  likelihood: passThrough,
  // Text
  lower: strict("string"),
  upper: strict("string"),
  trim: strict("string"),
  ltrim: strict("string"),
  rtrim: strict("string"),
  replace: strict("string"),
  substr: strict("string"),
  substring: strict("string"),
  printf: strict("string"),
  format: strict("string"),
  soundex: strict("string"),
  concat: always("string"),
  concat_ws: (c, name) => (c.args[0]?.nullable ?? true ? is("string", true, `${name}() is NULL when its separator is`) : is("string", false, `${name}() with a separator that is never NULL`)),
  quote: always("string"),
  hex: always("string"),
  char: always("string"),
  typeof: always("string"),
  sqlite_version: always("string"),
  unicode: strict("number"),
  unhex: maybe("Uint8Array"),
  zeroblob: strict("Uint8Array"),
  randomblob: strict("Uint8Array"),
  // Numbers
  abs: strict("number"),
  round: strict("number"),
  length: strict("number"),
  octet_length: strict("number"),
  instr: strict("number"),
  sign: strict("number"),
  random: always("number"),
  changes: always("number"),
  total_changes: always("number"),
  last_insert_rowid: always("number"),
  ceil: strict("number"),
  ceiling: strict("number"),
  floor: strict("number"),
  trunc: strict("number"),
  sqrt: maybe("number"),
  pow: maybe("number"),
  power: maybe("number"),
  exp: strict("number"),
  ln: maybe("number"),
  log: maybe("number"),
  log10: maybe("number"),
  log2: maybe("number"),
  mod: maybe("number"),
  pi: always("number"),
  // Dates
  date: dateRule("string"),
  time: dateRule("string"),
  datetime: dateRule("string"),
  strftime: dateRule("string"),
  timediff: dateRule("string"),
  julianday: dateRule("number"),
  unixepoch: dateRule("number"),
  // JSON
  json: strict("string"),
  jsonb: strict("Uint8Array"),
  json_array: always("string"),
  json_object: always("string"),
  json_quote: always("string"),
  json_valid: always("number"),
  json_type: maybe("string"),
  json_array_length: maybe("number"),
  json_extract: maybe("unknown"),
  json_insert: strict("string"),
  json_replace: strict("string"),
  json_set: strict("string"),
  json_remove: strict("string"),
  json_patch: strict("string"),
};

const aggregates = new Set(["count", "total", "sum", "avg", "group_concat", "string_agg", "json_group_array", "json_group_object"]);

/** An aggregate call (not a window call): it folds rows, so the query returns one row per group. */
export function isAggregate(name: string, argCount: number, window: boolean): boolean {
  if (window) return false;
  return aggregates.has(name) || ((name === "min" || name === "max") && argCount === 1);
}

/** The result type of a call, or undefined for a function SQLite does not ship. */
export function callType(name: string, call: CallInfo): ValueType | undefined {
  return Object.hasOwn(rules, name) ? rules[name](call, name) : undefined;
}

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
  /**
   * An aggregate here sees at least one row: a window call, or a query with GROUP BY. Then
   * sum/min/max/avg are NULL only if their argument is; over no rows at all they are NULL.
   */
  readonly seesRows: boolean;
}

type Rule = (call: CallInfo) => ValueType;

const anyNull = (c: CallInfo) => c.args.some((a) => a.nullable);
/** The first typed argument: functions that pass a value through (COALESCE, MIN…) keep its mapping. */
const first = (c: CallInfo): ValueType => c.args.find((a) => a.ts !== "unknown") ?? { ts: "unknown", nullable: true };
const is = (t: TsType | ValueType, nullable: boolean): ValueType => (typeof t === "string" ? { ts: t, nullable } : withNullable(t, nullable));
const strict = (ts: TsType): Rule => (c) => is(ts, anyNull(c));
const always = (ts: TsType): Rule => () => is(ts, false);
const maybe = (ts: TsType): Rule => () => is(ts, true);
/** An aggregate that is NULL over no rows, and otherwise NULL only for NULL input. */
const fold = (ts: TsType | null): Rule => (c) => is(ts ?? first(c), !c.seesRows || anyNull(c));
/** Date functions give NULL on input they cannot read; with no or constant arguments they cannot fail. */
const dateRule = (ts: TsType): Rule => (c) => is(ts, !c.literalArgs.every(Boolean));

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
  min: (c) => (c.args.length === 1 ? fold(null)(c) : is(first(c), anyNull(c))),
  max: (c) => (c.args.length === 1 ? fold(null)(c) : is(first(c), anyNull(c))),
  // Window functions
  row_number: always("number"),
  rank: always("number"),
  dense_rank: always("number"),
  ntile: always("number"),
  cume_dist: always("number"),
  percent_rank: always("number"),
  lag: (c) => is(first(c), true),
  lead: (c) => is(first(c), true),
  first_value: (c) => is(first(c), true),
  last_value: (c) => is(first(c), true),
  nth_value: (c) => is(first(c), true),
  // NULL handling
  coalesce: (c) => is(first(c), c.args.every((a) => a.nullable)),
  ifnull: (c) => is(first(c), c.args.every((a) => a.nullable)),
  nullif: (c) => is(c.args[0] ?? "unknown", true),
  iif: (c) => is(first({ ...c, args: c.args.slice(1) }), c.args.slice(1).some((a) => a.nullable)),
  likely: (c) => c.args[0] ?? is("unknown", true),
  unlikely: (c) => c.args[0] ?? is("unknown", true),
  likelihood: (c) => c.args[0] ?? is("unknown", true),
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
  concat_ws: (c) => is("string", c.args[0]?.nullable ?? true),
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
  return Object.hasOwn(rules, name) ? rules[name](call) : undefined;
}

/**
 * Building value types from others. A type carries, beside its storage class and nullability,
 * what the user mapped the column to (Date, JSON, a brand…): whatever passes a column's value
 * through unchanged (a reference, COALESCE, MIN/MAX, a UNION of the same column) keeps it.
 */
import type { TsType, ValueType } from "../ir/query-ir.js";

/**
 * `t` with other nullability and its reason (kept when the nullability stays and none is given);
 * nothing else of an inferred type (origins, flags) comes along.
 */
export function withNullable(t: ValueType, nullable: boolean, why?: string): ValueType {
  const reason = why ?? (nullable === t.nullable ? t.why : undefined);
  return { ts: t.ts, nullable, ...(reason !== undefined ? { why: reason } : {}), ...(t.mapping ? { mapping: t.mapping } : {}), ...(t.brand ? { brand: t.brand } : {}) };
}

/** The type several branches (CASE, compound SELECT, VALUES rows) share; a mapping only if all agree. */
export function commonValueType(types: readonly ValueType[], nullable: boolean, why: string): ValueType {
  const ts = commonType(types);
  const typed = types.filter((t) => t.ts !== "unknown");
  const first = typed[0];
  const agree = first !== undefined && typed.every((t) => sameMapping(t, first));
  return agree && ts === first.ts ? withNullable(first, nullable, why) : { ts, nullable, why };
}

function sameMapping(a: ValueType, b: ValueType): boolean {
  return JSON.stringify([a.mapping, a.brand]) === JSON.stringify([b.mapping, b.brand]);
}

/** The one type all branches share, ignoring those that are NULL literals; else unknown. */
export function commonType(types: readonly ValueType[]): TsType {
  const known = new Set(types.filter((t) => t.ts !== "unknown").map((t) => t.ts));
  const unknowns = types.filter((t) => t.ts === "unknown" && !t.nullable).length;
  return known.size === 1 && unknowns === 0 ? [...known][0] : "unknown";
}

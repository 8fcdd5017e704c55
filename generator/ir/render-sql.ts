/** The one function that turns a query's SQL parts into text. */
import type { SqlPart } from "./query-ir.js";

/**
 * Joins the parts, writing each placeholder part as `placeholder` says: `?` for the SQL that runs,
 * `?, ?` to plan a list with two items, a slot marker for the runtime.
 */
export function renderSql(parts: readonly SqlPart[], placeholder: (part: Exclude<SqlPart, { kind: "text" }>) => string): string {
  let sql = "";
  for (const part of parts) sql += part.kind === "text" ? part.text : placeholder(part);
  return sql;
}

/** The placeholder parts in binding order. */
export function placeholders(parts: readonly SqlPart[]): Exclude<SqlPart, { kind: "text" }>[] {
  return parts.filter((p): p is Exclude<SqlPart, { kind: "text" }> => p.kind !== "text");
}

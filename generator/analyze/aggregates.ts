/** Where aggregates are: a query that aggregates without GROUP BY reads bare columns from no row at all on empty input. */
import type { Expr, SelectCore } from "../parse/ast.js";
import { someExpr } from "../parse/walk.js";
import { isAggregate } from "./functions.js";

/** Whether `e` aggregates at its own query level (`max(n) IS NULL` does; `(SELECT max(n) …)` does not). */
export function containsAggregate(e: Expr): boolean {
  return someExpr(e, (x) => x.kind === "call" && isAggregate(x.name, x.args.length, x.window));
}

/**
 * An aggregate query without GROUP BY returns one row even on no input (unless HAVING drops it):
 * bare columns then read NULL.
 */
export function aggregatesWithoutGroup(core: SelectCore): boolean {
  return core.groupBy.length === 0 && (core.columns.some((c) => c.kind === "expr" && containsAggregate(c.expr)) || (core.having !== null && containsAggregate(core.having)));
}

/**
 * The one walker over expressions: each kind says which sub-expressions and which nested SELECTs
 * it holds. A new kind in ast.ts fails to compile here until it is given its children, so every
 * analysis that looks inside expressions (aggregates, proofs, hints) sees it.
 */
import { assertNever, type Expr, type Select } from "./ast.js";

/** The expressions directly inside `e`, in source order (not those inside nested SELECTs). */
export function exprChildren(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case "column":
    case "param":
    case "literal":
    case "unknown":
    case "exists":
    case "subquery":
      return [];
    case "unary":
    case "null_test":
    case "cast":
      return [e.operand];
    case "binary":
      return [e.left, e.right];
    case "row":
      return e.items;
    case "in_list":
      return [e.left, ...e.items];
    case "in_select":
      return [e.left];
    case "between":
      return [e.left, e.low, e.high];
    case "call":
      return e.args;
    case "case":
      return [...(e.operand ? [e.operand] : []), ...e.whens.flatMap((w) => [w.when, w.then]), ...(e.otherwise ? [e.otherwise] : [])];
    default:
      return assertNever(e);
  }
}

/** The SELECT nested directly in `e` (`IN (SELECT …)`, `EXISTS (…)`, `(SELECT …)`), if any. */
export function nestedSelect(e: Expr): Select | null {
  switch (e.kind) {
    case "in_select":
    case "exists":
    case "subquery":
      return e.select;
    default:
      return null;
  }
}

/** Whether `test` holds for `e` or any expression inside it at the same query level. */
export function someExpr(e: Expr, test: (e: Expr) => boolean): boolean {
  return test(e) || exprChildren(e).some((child) => someExpr(child, test));
}

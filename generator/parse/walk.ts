/**
 * The one walker over expressions: each kind says which sub-expressions and which nested SELECTs
 * it holds. A new kind in ast.ts fails to compile here until it is given its children, so every
 * analysis that looks inside expressions (aggregates, proofs, hints) sees it.
 */
import { assertNever, type Cte, type Expr, type FromItem, type ResultColumn, type Select, type SelectBody, type Statement } from "./ast.js";

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

/** Every SELECT in a statement however deeply nested (CTEs, FROM subqueries, expressions), outermost first. */
export function allSelects(s: Statement): Select[] {
  const found: Select[] = [];
  const expr = (e: Expr | null): void => {
    if (e === null) return;
    const nested = nestedSelect(e);
    if (nested !== null) select(nested);
    exprChildren(e).forEach(expr);
  };
  const from = (f: FromItem | null): void => {
    if (f === null) return;
    switch (f.kind) {
      case "table":
        return;
      case "table_function":
        return f.args.forEach(expr);
      case "subquery":
        return select(f.select);
      case "join":
        from(f.left);
        from(f.right);
        return expr(f.on);
      default:
        return assertNever(f);
    }
  };
  const columns = (cs: readonly ResultColumn[] | null): void => cs?.forEach((c) => c.kind === "expr" && expr(c.expr));
  const body = (b: SelectBody): void => {
    switch (b.kind) {
      case "core":
        from(b.from);
        columns(b.columns);
        [b.where, ...b.groupBy, b.having].forEach(expr);
        return;
      case "values":
        return b.rows.forEach((row) => row.forEach(expr));
      case "compound":
        body(b.left);
        return body(b.right);
      default:
        return assertNever(b);
    }
  };
  const ctes = (cs: readonly Cte[]): void => cs.forEach((c) => c.select && select(c.select));
  const select = (sel: Select): void => {
    found.push(sel);
    ctes(sel.ctes);
    body(sel.body);
    [...sel.orderBy, sel.limit, sel.offset].forEach(expr);
  };
  switch (s.kind) {
    case "select":
      select(s);
      break;
    case "insert":
      ctes(s.ctes);
      s.rows.forEach((row) => row.forEach(expr));
      if (s.select) select(s.select);
      for (const u of s.upserts) [u.where, u.updateWhere, ...u.set.map((a) => a.value)].forEach(expr);
      columns(s.returning);
      break;
    case "update":
    case "delete":
      ctes(s.ctes);
      if (s.kind === "update") {
        s.set.forEach((a) => expr(a.value));
        from(s.from);
      }
      [s.where, ...s.orderBy, s.limit, s.offset].forEach(expr);
      columns(s.returning);
      break;
    case "other":
      break;
    default:
      return assertNever(s);
  }
  return found;
}

/**
 * Names of unaliased expression columns, as sqlc gives them (internal/compiler/output_columns.go):
 * a function call is named after the function (`count`, `max`), `EXISTS (…)` is `exists` and
 * `NOT EXISTS (…)` `not_exists`, `COALESCE` and `CAST` of a column take the column's name, a scalar
 * subquery its first column's; anything else has no name and becomes `column_N` (N = position, from 1).
 */
import type { Expr, SelectBody } from "../parse/ast.js";

export interface ExpressionName {
  readonly name: string;
  /** The name is the name of a column the expression reads, not one made up for it. */
  readonly fromColumn: boolean;
}

export function expressionName(e: Expr, position: number): ExpressionName {
  return sqlcName(e) ?? { name: `column_${position}`, fromColumn: false };
}

function sqlcName(e: Expr): ExpressionName | null {
  switch (e.kind) {
    case "column":
      return { name: e.column, fromColumn: true };
    case "call": {
      const column = e.name === "coalesce" ? e.args.find((a) => a.kind === "column") : undefined;
      if (column?.kind === "column") return { name: column.column, fromColumn: true };
      return { name: e.name, fromColumn: false };
    }
    case "exists":
      return { name: "exists", fromColumn: false };
    case "unary":
      return e.op === "not" && e.operand.kind === "exists" ? { name: "not_exists", fromColumn: false } : null;
    case "cast":
      // sqlc joins a qualified reference's parts: CAST(h.id AS TEXT) is `h_id`.
      return e.operand.kind === "column" ? { name: e.operand.table === null ? e.operand.column : `${e.operand.table}_${e.operand.column}`, fromColumn: true } : null;
    case "subquery":
      return firstColumnName(e.select.body);
    default:
      return null;
  }
}

function firstColumnName(body: SelectBody): ExpressionName | null {
  switch (body.kind) {
    case "compound":
      return firstColumnName(body.left);
    case "values":
      return null;
    case "core": {
      const first = body.columns[0];
      if (first?.kind !== "expr") return null;
      return first.alias !== null ? { name: first.alias, fromColumn: true } : sqlcName(first.expr);
    }
  }
}

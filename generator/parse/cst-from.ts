/** A FROM clause's CST (tables, aliases, joins, table functions, subqueries) → an AST FromItem. */
import type { Node } from "sql-parser-cst";
import type * as A from "./ast.js";
import type { ExprConverter } from "./cst-expressions.js";

export function fromItem(c: ExprConverter, n: Node): A.FromItem {
  const span = c.span(n);
  if (n.type === "join_expr") {
    const words = n.operator === "," ? [] : (Array.isArray(n.operator) ? n.operator : [n.operator]).map((k) => k.name.toLowerCase());
    const op = words.includes("left") ? "left" : words.includes("right") ? "right" : words.includes("full") ? "full" : words.includes("cross") || n.operator === "," ? "cross" : "inner";
    const left = fromItem(c, n.left);
    const right = fromItem(c, n.right);
    const spec = n.specification;
    return {
      kind: "join",
      op,
      natural: words.includes("natural"),
      left,
      right,
      on: spec?.type === "join_on_specification" ? c.expr(spec.expr) : null,
      using: spec?.type === "join_using_specification" ? spec.expr.expr.items.map((i) => c.ident(i)) : [],
      span,
    };
  }
  const alias = n.type === "alias" ? c.ident(n.alias) : null;
  const target = n.type === "alias" ? n.expr : n;
  const table = target.type === "indexed_table" || target.type === "not_indexed_table" ? target.table : target;
  switch (table.type) {
    case "alias":
      return fromItem(c, table);
    case "identifier":
    case "member_expr":
      return { kind: "table", name: c.entityName(table), alias, span };
    case "func_call":
      return { kind: "table_function", name: c.entityName(table.name).toLowerCase(), args: c.callArgs(table), alias, span };
    case "paren_expr": {
      const inner = table.expr;
      if (inner.type === "select_stmt" || inner.type === "compound_select_stmt") return { kind: "subquery", select: c.select(inner), alias, span };
      return fromItem(c, inner);
    }
    default:
      c.unknown(table);
      return { kind: "table_function", name: "<unknown>", args: [], alias, span };
  }
}

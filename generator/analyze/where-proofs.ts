/**
 * What a WHERE clause proves: a row reaches the result only if every top-level AND term is true,
 * and a comparison, IN, BETWEEN, LIKE… with a NULL operand is never true. So `WHERE x = ?`,
 * `x IN (…)`, `x > 0` or `x IS NOT NULL` make x non-null in the result, even on the optional side
 * of an outer join. Terms under OR or NOT prove nothing; IS / IS NOT accept NULL and prove nothing.
 */
import type { ColumnRef, Expr } from "../parse/ast.js";
import { operatorRule } from "./operators.js";
import type { Scope } from "./scope.js";


export function proveByWhere(where: Expr | null, scope: Scope): void {
  if (where === null) return;
  for (const term of conjuncts(where)) {
    for (const column of provenColumns(term)) {
      if (column.kind !== "column") continue;
      // Only this query level's relations: a WHERE says nothing new about outer queries' rows.
      const r = scope.resolve(column.table, column.column);
      if (r && scope.relations.includes(r.relation)) scope.proveNotNull(r.relation, r.column.name, `WHERE ${proofText(term, column)}`);
    }
  }
}

function conjuncts(e: Expr): Expr[] {
  return e.kind === "binary" && e.op === "and" ? [...conjuncts(e.left), ...conjuncts(e.right)] : [e];
}

function provenColumns(term: Expr): Expr[] {
  switch (term.kind) {
    case "null_test":
      return term.not ? [term.operand] : [];
    case "binary":
      if (!operatorRule(term.op).rejectsNull) return [];
      if (term.left.kind === "row" && term.right.kind === "row") return [];
      return [term.left, term.right];
    // `NULL NOT IN ()` is true: an empty list (an empty sqlc.slice, say) lets NULL through.
    case "in_list":
    case "in_select":
      return term.not ? [] : [term.left];
    // `5 NOT BETWEEN NULL AND 3` is true: only the tested value is proven there.
    case "between":
      return term.not ? [term.left] : [term.left, term.low, term.high];
    default:
      return [];
  }
}

/**
 * The proving term, shaped from the AST around the proven column (`f.id IS NOT NULL`,
 * `c.parent_id = …`): the AST of a view's SELECT has no source text at hand.
 */
function proofText(term: Expr, column: ColumnRef): string {
  const name = `${column.table === null ? "" : `${column.table}.`}${column.column}`;
  switch (term.kind) {
    case "null_test":
      return `${name} IS NOT NULL`;
    case "binary":
      return term.left === column ? `${name} ${term.op.toUpperCase()} …` : `… ${term.op.toUpperCase()} ${name}`;
    case "in_list":
      return `${name} IN (…)`;
    case "in_select":
      return `${name} IN (SELECT …)`;
    case "between":
      return term.left === column ? `${name} BETWEEN … AND …` : term.low === column ? `… BETWEEN ${name} AND …` : `… BETWEEN … AND ${name}`;
    default:
      return name;
  }
}

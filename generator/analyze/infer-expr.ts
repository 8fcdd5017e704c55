/**
 * Type and nullability of an expression, following what SQLite really returns:
 * a comparison with NULL is NULL, division by zero is NULL, aggregates over no rows are NULL…
 */
import { commonValueType, withNullable } from "./value-type.js";
import type { ValueType } from "../ir/query-ir.js";
import { tsTypeOfDeclared } from "./type-map.js";
import { assertNever, type Expr, type Select } from "../parse/ast.js";
import { callType } from "./functions.js";
import { operatorRule } from "./operators.js";
import { aggregatesWithoutGroup } from "./aggregates.js";
import type { Scope } from "./scope.js";

export interface Inferred extends ValueType {
  /** Set for plain column references: where the value comes from. */
  readonly origin?: { readonly table: string | null; readonly column: string | null };
  /** The function is not one SQLite ships (an application-defined function). */
  readonly unknownFunction?: string;
}

/** What inference needs from relation analysis: the columns a subquery returns. */
export interface SubqueryColumns {
  subqueryColumns(select: Select, outer: Scope): readonly ValueType[];
}

const unknownNullable = (why: string): Inferred => ({ ts: "unknown", nullable: true, why });

export class ExprTyper {
  constructor(private readonly relations: SubqueryColumns) {}

  infer(e: Expr, scope: Scope): Inferred {
    switch (e.kind) {
      case "column": {
        const r = scope.resolve(e.table, e.column);
        return r ? { ...scope.resultType(r), origin: { table: r.column.table, column: r.column.column } } : unknownNullable("a column sqlgen cannot resolve");
      }
      case "param":
        return unknownNullable("a parameter, which may be bound to NULL");
      case "literal":
        return literalType(e.literal);
      case "unary":
        // Unary + and COLLATE pass the value through unchanged; -, ~ and NOT make numbers.
        if (e.op === "collate" || e.op === "+") return this.infer(e.operand, scope);
        return { ts: "number", ...this.operands([e.operand], scope, e.op.toUpperCase()) };
      case "binary":
        return this.binary(e.op, e.left, e.right, scope);
      case "row":
        return unknownNullable("a row value");
      case "in_list":
        return { ts: "number", ...this.operands([e.left, ...e.items], scope, "IN") };
      case "in_select": {
        const left = this.infer(e.left, scope);
        const column = this.relations.subqueryColumns(e.select, scope).find((c) => c.nullable);
        if (left.nullable) return { ts: "number", nullable: true, why: `an operand of IN may be NULL: ${left.why ?? ""}` };
        return { ts: "number", nullable: column !== undefined, why: column === undefined ? "no operand of IN is NULL" : `IN's subquery may give NULL: ${column.why ?? ""}` };
      }
      case "between":
        return { ts: "number", ...this.operands([e.left, e.low, e.high], scope, "BETWEEN") };
      case "null_test":
        return { ts: "number", nullable: false, why: "IS [NOT] NULL is never NULL" };
      case "exists":
        return { ts: "number", nullable: false, why: "EXISTS is never NULL" };
      case "subquery":
        return this.subquery(e.select, scope);
      case "call":
        return this.call(e.name, e.args, e.star, e.window, scope);
      case "cast": {
        const operand = this.infer(e.operand, scope);
        return { ts: tsTypeOfDeclared(e.typeName), nullable: operand.nullable, why: operand.why };
      }
      case "case": {
        const results = [...e.whens.map((w) => w.then), ...(e.otherwise ? [e.otherwise] : [])].map((x) => this.infer(x, scope));
        if (e.otherwise === null) return commonValueType(results, true, "CASE without ELSE is NULL when no WHEN matches");
        const nullable = results.find((r) => r.nullable);
        return commonValueType(results, nullable !== undefined, nullable === undefined ? "no branch of CASE is NULL" : `a branch of CASE may be NULL: ${nullable.why ?? ""}`);
      }
      case "unknown":
        return unknownNullable("an expression sqlgen cannot type");
      default:
        return assertNever(e);
    }
  }

  private binary(op: string, left: Expr, right: Expr, scope: Scope): Inferred {
    const rule = operatorRule(op);
    const OP = op.toUpperCase();
    const either = this.operands([left, right], scope, OP);
    switch (rule.nullable) {
      case "never":
        return { ts: rule.result, nullable: false, why: `${OP} is never NULL` };
      case "with-operands":
        return { ts: rule.result, ...either };
      case "zero-divisor":
        return either.nullable || isNonZeroLiteral(right) ? { ts: rule.result, ...either } : { ts: rule.result, nullable: true, why: `${OP} by zero is NULL, and the divisor is not a non-zero literal` };
      case "always":
        return { ts: rule.result, nullable: true, why: `${OP} may give NULL` };
      default:
        return assertNever(rule.nullable);
    }
  }

  /** A scalar subquery is NULL when it finds no row, unless it aggregates without GROUP BY. */
  private subquery(select: Select, scope: Scope): Inferred {
    const first = this.relations.subqueryColumns(select, scope)[0] ?? unknownNullable;
    const body = select.body;
    const oneRow = body.kind === "core" && body.having === null && select.limit === null && select.offset === null && aggregatesWithoutGroup(body);
    return oneRow ? withNullable(first, first.nullable, first.why) : withNullable(first, true, "scalar subquery, NULL when it finds no row");
  }

  /** Nullable when an operand is (with that operand's reason); `op` names the operator in the reason. */
  private operands(exprs: readonly Expr[], scope: Scope, op: string): Pick<ValueType, "nullable" | "why"> {
    for (const e of exprs) {
      const t = this.infer(e, scope);
      if (t.nullable) return { nullable: true, why: `an operand of ${op} may be NULL: ${operandText(e)}${t.why ?? "may be NULL"}` };
    }
    return { nullable: false, why: `no operand of ${op} is NULL` };
  }

  private call(name: string, args: readonly Expr[], star: boolean, window: boolean, scope: Scope): Inferred {
    const argTypes = args.map((a) => this.infer(a, scope));
    const type = callType(name, { args: star ? [] : argTypes, literalArgs: args.map((a) => a.kind === "literal"), argTexts: args.map(operandText), seesRows: window || scope.grouped });
    return type ?? { ...unknownNullable(`${name}() is not a SQLite built-in`), unknownFunction: name };
  }
}

function literalType(literal: "null" | "integer" | "real" | "string" | "blob" | "boolean"): Inferred {
  switch (literal) {
    case "null":
      return unknownNullable("the NULL literal");
    case "integer":
    case "real":
    case "boolean":
      return { ts: "number", nullable: false, why: "a literal" };
    case "string":
      return { ts: "string", nullable: false, why: "a literal" };
    case "blob":
      return { ts: "Uint8Array", nullable: false, why: "a literal" };
    default:
      return assertNever(literal);
  }
}

function isNonZeroLiteral(e: Expr): boolean {
  return e.kind === "literal" && (e.literal === "integer" || e.literal === "real") && Number(e.text) !== 0;
}

/** A column operand named in a reason ("`u.name`, "); other operands are not quoted. */
function operandText(e: Expr): string {
  return e.kind === "column" ? `\`${e.table === null ? "" : `${e.table}.`}${e.column}\`, ` : "";
}

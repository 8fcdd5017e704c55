/**
 * Type and nullability of an expression, following what SQLite really returns:
 * a comparison with NULL is NULL, division by zero is NULL, aggregates over no rows are NULL…
 */
import { commonValueType, withNullable } from "./value-type.js";
import type { TsType, ValueType } from "../ir/query-ir.js";
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

const unknownNullable: Inferred = { ts: "unknown", nullable: true };

export class ExprTyper {
  constructor(private readonly relations: SubqueryColumns) {}

  infer(e: Expr, scope: Scope): Inferred {
    switch (e.kind) {
      case "column": {
        const r = scope.resolve(e.table, e.column);
        return r ? { ...scope.resultType(r), origin: { table: r.column.table, column: r.column.column } } : unknownNullable;
      }
      case "param":
        return unknownNullable;
      case "literal":
        return literalType(e.literal);
      case "unary":
        // Unary + and COLLATE pass the value through unchanged; -, ~ and NOT make numbers.
        if (e.op === "collate" || e.op === "+") return this.infer(e.operand, scope);
        return { ts: "number", nullable: this.infer(e.operand, scope).nullable };
      case "binary":
        return this.binary(e.op, e.left, e.right, scope);
      case "row":
        return unknownNullable;
      case "in_list":
        return { ts: "number", nullable: [e.left, ...e.items].some((x) => this.infer(x, scope).nullable) };
      case "in_select":
        return { ts: "number", nullable: this.infer(e.left, scope).nullable || this.relations.subqueryColumns(e.select, scope).some((c) => c.nullable) };
      case "between":
        return { ts: "number", nullable: [e.left, e.low, e.high].some((x) => this.infer(x, scope).nullable) };
      case "null_test":
      case "exists":
        return { ts: "number", nullable: false };
      case "subquery":
        return this.subquery(e.select, scope);
      case "call":
        return this.call(e.name, e.args, e.star, e.window, scope);
      case "cast":
        return { ts: tsTypeOfDeclared(e.typeName), nullable: this.infer(e.operand, scope).nullable };
      case "case": {
        const results = [...e.whens.map((w) => w.then), ...(e.otherwise ? [e.otherwise] : [])].map((x) => this.infer(x, scope));
        return commonValueType(results, e.otherwise === null || results.some((r) => r.nullable));
      }
      case "unknown":
        return unknownNullable;
      default:
        return assertNever(e);
    }
  }

  private binary(op: string, left: Expr, right: Expr, scope: Scope): Inferred {
    const rule = operatorRule(op);
    const either = this.infer(left, scope).nullable || this.infer(right, scope).nullable;
    switch (rule.nullable) {
      case "never":
        return { ts: rule.result, nullable: false };
      case "with-operands":
        return { ts: rule.result, nullable: either };
      case "zero-divisor":
        return { ts: rule.result, nullable: either || !isNonZeroLiteral(right) };
      case "always":
        return { ts: rule.result, nullable: true };
      default:
        return assertNever(rule.nullable);
    }
  }

  /** A scalar subquery is NULL when it finds no row, unless it aggregates without GROUP BY. */
  private subquery(select: Select, scope: Scope): Inferred {
    const first = this.relations.subqueryColumns(select, scope)[0] ?? unknownNullable;
    const body = select.body;
    const oneRow = body.kind === "core" && body.having === null && select.limit === null && select.offset === null && aggregatesWithoutGroup(body);
    return withNullable(first, oneRow ? first.nullable : true);
  }

  private call(name: string, args: readonly Expr[], star: boolean, window: boolean, scope: Scope): Inferred {
    const argTypes = args.map((a) => this.infer(a, scope));
    const type = callType(name, { args: star ? [] : argTypes, literalArgs: args.map((a) => a.kind === "literal"), seesRows: window || scope.grouped });
    return type ?? { ...unknownNullable, unknownFunction: name };
  }
}

function literalType(literal: "null" | "integer" | "real" | "string" | "blob" | "boolean"): Inferred {
  switch (literal) {
    case "null":
      return unknownNullable;
    case "integer":
    case "real":
    case "boolean":
      return { ts: "number", nullable: false };
    case "string":
      return { ts: "string", nullable: false };
    case "blob":
      return { ts: "Uint8Array", nullable: false };
    default:
      return assertNever(literal);
  }
}

function isNonZeroLiteral(e: Expr): boolean {
  return e.kind === "literal" && (e.literal === "integer" || e.literal === "real") && Number(e.text) !== 0;
}

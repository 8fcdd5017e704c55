/**
 * SQLite's binary operators as one table: what each does to the type and nullability of its result,
 * what it says about a placeholder operand, and whether a NULL operand makes it never true.
 * Inference (infer-expr), parameter hints (param-hints) and WHERE proofs (where-proofs) all read it.
 */
import type { TsType } from "../ir/query-ir.js";

export type OperatorKind =
  /** `=`, `<`, …: NULL when an operand is; a placeholder takes the other operand's type. */
  | "comparison"
  /** `IS`, `IS NOT`, `IS [NOT] DISTINCT FROM`: never NULL, true for NULL operands. */
  | "null-safe"
  /** `LIKE`, `GLOB`, …: text operands, NULL when an operand is. */
  | "pattern"
  | "logical"
  | "concat"
  | "arithmetic"
  /** `/` and `%`: NULL also when the divisor is zero. */
  | "division"
  /** `->` returns JSON text; `->>` an SQL value of any type. */
  | "json"
  | "json-value";

export interface OperatorRule {
  /** The result's type ("unknown" when the operator alone cannot tell). */
  readonly result: TsType;
  /**
   * When the result is NULL: never, when an operand is, always possibly, or also when the divisor
   * is zero (so only a non-zero literal divisor keeps it non-null).
   */
  readonly nullable: "never" | "with-operands" | "always" | "zero-divisor";
  /** A NULL operand makes the operator never true, so a WHERE term using it filters NULLs out. */
  readonly rejectsNull: boolean;
  /** What a placeholder operand is: the other operand's type, a fixed type, or nothing known. */
  readonly param: "counterpart" | TsType | null;
}

const rules: Record<OperatorKind, OperatorRule> = {
  comparison: { result: "number", nullable: "with-operands", rejectsNull: true, param: "counterpart" },
  "null-safe": { result: "number", nullable: "never", rejectsNull: false, param: "counterpart" },
  pattern: { result: "number", nullable: "with-operands", rejectsNull: true, param: "string" },
  logical: { result: "number", nullable: "with-operands", rejectsNull: false, param: null },
  concat: { result: "string", nullable: "with-operands", rejectsNull: false, param: "string" },
  arithmetic: { result: "number", nullable: "with-operands", rejectsNull: false, param: "number" },
  division: { result: "number", nullable: "zero-divisor", rejectsNull: false, param: "number" },
  json: { result: "string", nullable: "always", rejectsNull: false, param: null },
  "json-value": { result: "unknown", nullable: "always", rejectsNull: false, param: null },
};

const kinds: Record<string, OperatorKind> = {
  "=": "comparison",
  "==": "comparison",
  "!=": "comparison",
  "<>": "comparison",
  "<": "comparison",
  "<=": "comparison",
  ">": "comparison",
  ">=": "comparison",
  is: "null-safe",
  "is not": "null-safe",
  "is distinct from": "null-safe",
  "is not distinct from": "null-safe",
  like: "pattern",
  "not like": "pattern",
  glob: "pattern",
  "not glob": "pattern",
  regexp: "pattern",
  "not regexp": "pattern",
  match: "pattern",
  "not match": "pattern",
  and: "logical",
  or: "logical",
  "||": "concat",
  "+": "arithmetic",
  "-": "arithmetic",
  "*": "arithmetic",
  "&": "arithmetic",
  "|": "arithmetic",
  "<<": "arithmetic",
  ">>": "arithmetic",
  "/": "division",
  "%": "division",
  "->": "json",
  "->>": "json-value",
};

/** The rule of a binary operator (lower case, as in the AST); unknown operators know nothing. */
export function operatorRule(op: string): OperatorRule {
  const kind = Object.hasOwn(kinds, op) ? kinds[op] : undefined;
  return kind === undefined ? { result: "unknown", nullable: "always", rejectsNull: false, param: null } : rules[kind];
}

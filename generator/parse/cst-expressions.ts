/**
 * CST expressions → AST expressions. Kinds analysis need not understand become `unknown`, after
 * their placeholders are recorded. Statements (cst-statements.ts) build on this.
 */
import type { FuncCall, Node, PrefixOpExpr, SubSelect } from "sql-parser-cst";
import type { Span } from "../diagnostics/diagnostic.js";
import type * as A from "./ast.js";
import { CstReader, keywordWords, macroName, type Sweep } from "./cst-node.js";
import { ParamCollector } from "./cst-params.js";

type Binary = Extract<Node, { type: "binary_expr" }>;

export abstract class ExprConverter extends CstReader {
  readonly collector: ParamCollector;

  constructor(sql: string, base: number, sweep: Sweep) {
    super(sql, base);
    this.collector = new ParamCollector(this, sweep);
  }

  /** Subqueries inside expressions are statements: the subclass converts them. */
  abstract select(n: SubSelect): A.Select;

  protected optExpr(n: Node | undefined): A.Expr | null {
    return n === undefined ? null : this.expr(n);
  }

  /** `unknown` for a node analysis does not read, after recording its placeholders. */
  unknown(n: Node): A.Expr {
    this.collector.sweep(n);
    return { kind: "unknown", span: this.span(n) };
  }

  /** A call's arguments (`*` left out), then what follows them (FILTER, OVER), swept. */
  callArgs(call: FuncCall): A.Expr[] {
    const args = (call.args?.expr.args.items ?? []).filter((a) => a.type !== "all_columns").map((a) => this.expr(a));
    if (call.filter) this.collector.sweep(call.filter);
    if (call.over) this.collector.sweep(call.over);
    return args;
  }

  expr(n: Node): A.Expr {
    const span = this.span(n);
    switch (n.type) {
      case "identifier":
        return { kind: "column", table: null, column: this.ident(n), span };
      case "member_expr": {
        const table = n.object.type === "identifier" || n.object.type === "member_expr" ? this.entityName(n.object) : "";
        if (n.property.type !== "identifier" || table === "") return this.unknown(n);
        return { kind: "column", table, column: this.ident(n.property), span };
      }
      case "parameter":
        return this.collector.placeholder(n);
      case "number_literal":
        return { kind: "literal", literal: /^[0-9]+$|^0x/i.test(n.text) ? "integer" : "real", text: n.text, span };
      case "string_literal":
        return { kind: "literal", literal: "string", text: n.text, span };
      case "blob_literal":
        return { kind: "literal", literal: "blob", text: n.text, span };
      case "boolean_literal":
        return { kind: "literal", literal: "boolean", text: n.valueKw.text, span };
      case "null_literal":
        return { kind: "literal", literal: "null", text: n.nullKw.text, span };
      case "paren_expr":
        return this.paren(n.expr, span);
      case "prefix_op_expr":
        return this.prefix(n, span);
      case "postfix_op_expr": {
        const words = keywordWords(n.operator);
        if (words !== "isnull" && words !== "notnull" && words !== "not null") return this.unknown(n);
        return { kind: "null_test", not: words !== "isnull", operand: this.expr(n.expr), span };
      }
      case "binary_expr":
        return this.binary(n, span);
      case "between_expr":
        return { kind: "between", not: keywordWords(n.betweenKw).startsWith("not"), left: this.expr(n.left), low: this.expr(n.begin), high: this.expr(n.end), span };
      case "func_call":
        return this.call(n, span);
      case "cast_expr":
        return { kind: "cast", operand: this.expr(n.args.expr.expr), typeName: this.typeName(n.args.expr.dataType), span };
      case "case_expr":
        return {
          kind: "case",
          operand: this.optExpr(n.expr),
          whens: n.clauses.flatMap((c) => (c.type === "case_when" ? [{ when: this.expr(c.condition), then: this.expr(c.result) }] : [])),
          otherwise: this.optExpr(n.clauses.find((c) => c.type === "case_else")?.result),
          span,
        };
      case "select_stmt":
      case "compound_select_stmt":
        return { kind: "subquery", select: this.select(n), span };
      default:
        return this.unknown(n);
    }
  }

  /** `(…)`: a subquery, a row value, or just grouping. */
  private paren(inner: Node, span: Span): A.Expr {
    if (inner.type === "select_stmt" || inner.type === "compound_select_stmt") return { kind: "subquery", select: this.select(inner), span };
    if (inner.type === "list_expr") {
      const items = inner.items.map((i) => this.expr(i));
      return items.length === 1 ? items[0] : { kind: "row", items, span };
    }
    return this.expr(inner);
  }

  private prefix(n: PrefixOpExpr, span: Span): A.Expr {
    const op = typeof n.operator === "string" ? n.operator : n.operator.type === "keyword" ? n.operator.name.toLowerCase() : null;
    if (op === "exists") {
      const inner = n.expr.type === "paren_expr" ? n.expr.expr : n.expr;
      if (inner.type === "select_stmt" || inner.type === "compound_select_stmt") return { kind: "exists", select: this.select(inner), span };
      return this.unknown(n);
    }
    if (op === "-" || op === "+" || op === "~" || op === "not") return { kind: "unary", op, operand: this.expr(n.expr), span };
    return this.unknown(n);
  }

  private binary(n: Binary, span: Span): A.Expr {
    const op = typeof n.operator === "string" ? n.operator.toLowerCase() : Array.isArray(n.operator) || n.operator.type === "keyword" ? keywordWords(n.operator) : null;
    if (op === null) return this.unknown(n);
    if (op === "in" || op === "not in") return this.inExpr(n, op === "not in", span);
    if (op === "collate") return { kind: "unary", op: "collate", operand: this.expr(n.left), span };
    if ((op === "is" || op === "is not") && n.right.type === "null_literal") {
      return { kind: "null_test", not: op === "is not", operand: this.expr(n.left), span };
    }
    return { kind: "binary", op, left: this.expr(n.left), right: this.expr(n.right), span };
  }

  private inExpr(n: Binary, not: boolean, span: Span): A.Expr {
    const left = this.expr(n.left);
    const right = n.right;
    if (right.type !== "paren_expr") {
      // `x IN table` or `x IN table_function(…)`: no list analysis can use.
      this.collector.sweep(right);
      return { kind: "in_list", not, left, items: [], span };
    }
    const inner = right.expr;
    if (inner.type === "select_stmt" || inner.type === "compound_select_stmt") return { kind: "in_select", not, left, select: this.select(inner), span };
    const items = inner.type === "list_expr" ? inner.items.map((i) => this.expr(i)) : [this.expr(inner)];
    return { kind: "in_list", not, left, items, span };
  }

  private call(n: FuncCall, span: Span): A.Expr {
    const macro = macroName(n);
    if (macro !== null) return this.collector.macro(n, macro);
    const star = (n.args?.expr.args.items ?? []).some((a) => a.type === "all_columns");
    return { kind: "call", name: this.entityName(n.name).toLowerCase(), args: this.callArgs(n), star, window: n.over !== undefined, span };
  }
}

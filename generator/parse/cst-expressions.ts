/**
 * CST expressions → AST expressions, and the first pass that finds every placeholder and sqlc
 * macro. Statements (cst-statements.ts) build on this.
 */
import type { Span } from "../diagnostics/diagnostic.js";
import type * as A from "./ast.js";
import { dataTypeName, entityName, keywordWords, macroArgument, macroName, placeholderSyntax, type Cst } from "./cst-node.js";

export interface MacroError { readonly message: string; readonly span: Span }

const sqlcMacros = new Set(["arg", "narg", "slice", "embed"]);

export abstract class ExprConverter {
  readonly params: A.ParamOccurrence[] = [];
  readonly embeds: A.EmbedOccurrence[] = [];
  readonly macroErrors: MacroError[] = [];
  private readonly paramIndex = new Map<number, number>();

  constructor(private readonly base: number) {}

  /** Subqueries inside expressions are statements: the subclass converts them. */
  abstract select(n: Cst): A.Select;

  span(node: Cst): Span {
    const r = node.range ?? [0, 0];
    return { start: this.base + r[0], end: this.base + r[1] };
  }

  collect(root: Cst): void {
    const found: { start: number; occurrence: A.ParamOccurrence }[] = [];
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (node === null || typeof node !== "object") return;
      const n = node as Cst;
      if (n.type === "parameter") {
        found.push({ start: this.span(n).start, occurrence: { syntax: placeholderSyntax(n.text as string), span: this.span(n) } });
        return;
      }
      const macro = macroName(n);
      if (macro !== null) {
        const occurrence = this.macro(n, macro);
        if (occurrence) found.push({ start: occurrence.span.start, occurrence });
        return;
      }
      for (const key of Object.keys(n)) if (key !== "range" && key !== "leading" && key !== "trailing") visit(n[key]);
    };
    visit(root);
    found.sort((a, b) => a.start - b.start);
    found.forEach((f, i) => {
      this.params.push(f.occurrence);
      this.paramIndex.set(f.start, i);
    });
  }

  private macro(n: Cst, macro: string): A.ParamOccurrence | null {
    const span = this.span(n);
    if (!sqlcMacros.has(macro)) {
      this.macroErrors.push({ message: `unknown macro sqlc.${macro}(): use sqlc.arg, sqlc.narg, sqlc.slice or sqlc.embed`, span });
      return null;
    }
    const args: Cst[] = n.args?.expr?.args?.items ?? [];
    const arg = args.length === 1 ? macroArgument(args[0]) : null;
    if (arg === null) {
      this.macroErrors.push({ message: `sqlc.${macro}() takes exactly one name, as in sqlc.${macro}(${macro === "embed" ? "table" : "name"})`, span });
      return null;
    }
    if (macro === "embed") {
      this.embeds.push({ table: arg, span });
      return null;
    }
    return { syntax: { kind: "macro", macro: macro as "arg" | "narg" | "slice", name: arg }, span };
  }

  protected optExpr(n: Cst | undefined): A.Expr | null {
    return n === undefined || n === null ? null : this.expr(n);
  }

  protected args(call: Cst): A.Expr[] {
    return ((call.args?.expr?.args?.items ?? []) as Cst[]).filter((a) => a.type !== "all_columns").map((a) => this.expr(a));
  }

  expr(n: Cst): A.Expr {
    const span = this.span(n);
    switch (n.type) {
      case "identifier":
        return { kind: "column", table: null, column: n.name, span };
      case "member_expr":
        if (n.property?.type !== "identifier") return { kind: "unknown", span };
        return { kind: "column", table: n.object.type === "member_expr" ? n.object.property.name : n.object.name, column: n.property.name, span };
      case "parameter":
        return this.param(span);
      case "number_literal":
        return { kind: "literal", literal: /^[0-9]+$|^0x/i.test(n.text) ? "integer" : "real", text: n.text, span };
      case "string_literal":
        return { kind: "literal", literal: "string", text: n.text ?? "", span };
      case "blob_literal":
        return { kind: "literal", literal: "blob", text: n.text ?? "", span };
      case "boolean_literal":
        return { kind: "literal", literal: "boolean", text: n.text ?? "", span };
      case "null_literal":
        return { kind: "literal", literal: "null", text: n.text ?? "", span };
      case "paren_expr":
        return this.paren(n, span);
      case "prefix_op_expr":
        return this.prefix(n, span);
      case "postfix_op_expr": {
        const words = keywordWords(n.operator);
        return { kind: "null_test", not: words === "notnull" || words === "not null", operand: this.expr(n.expr), span };
      }
      case "binary_expr":
        return this.binary(n, span);
      case "between_expr":
        return { kind: "between", not: keywordWords(n.betweenKw).startsWith("not"), left: this.expr(n.left), low: this.expr(n.begin), high: this.expr(n.end), span };
      case "func_call":
        return this.call(n, span);
      case "cast_expr":
        return { kind: "cast", operand: this.expr(n.args.expr.expr), typeName: dataTypeName(n.args.expr.dataType), span };
      case "case_expr":
        return {
          kind: "case",
          operand: this.optExpr(n.expr),
          whens: (n.clauses as Cst[]).filter((c) => c.type === "case_when").map((c) => ({ when: this.expr(c.condition), then: this.expr(c.result) })),
          otherwise: this.optExpr((n.clauses as Cst[]).find((c) => c.type === "case_else")?.result),
          span,
        };
      case "select_stmt":
      case "compound_select_stmt":
        return { kind: "subquery", select: this.select(n), span };
      default:
        return { kind: "unknown", span };
    }
  }

  private param(span: Span): A.Expr {
    const occurrence = this.paramIndex.get(span.start);
    return occurrence === undefined ? { kind: "unknown", span } : { kind: "param", occurrence, span };
  }

  private paren(n: Cst, span: Span): A.Expr {
    const inner: Cst = n.expr;
    if (inner.type === "select_stmt" || inner.type === "compound_select_stmt") return { kind: "subquery", select: this.select(inner), span };
    if (inner.type === "list_expr") {
      const items = (inner.items as Cst[]).map((i) => this.expr(i));
      return items.length === 1 ? items[0] : { kind: "row", items, span };
    }
    return this.expr(inner);
  }

  private prefix(n: Cst, span: Span): A.Expr {
    const op = typeof n.operator === "string" ? n.operator : String(n.operator.name).toLowerCase();
    if (op === "exists") {
      const inner: Cst = n.expr.type === "paren_expr" ? n.expr.expr : n.expr;
      return { kind: "exists", select: this.select(inner), span };
    }
    if (op === "-" || op === "+" || op === "~" || op === "not") return { kind: "unary", op, operand: this.expr(n.expr), span };
    return { kind: "unknown", span };
  }

  private binary(n: Cst, span: Span): A.Expr {
    const op = typeof n.operator === "string" ? n.operator.toLowerCase() : keywordWords(n.operator);
    if (op === "in" || op === "not in") {
      const not = op === "not in";
      const right: Cst = n.right;
      const inner: Cst | undefined = right.type === "paren_expr" ? right.expr : undefined;
      if (inner && (inner.type === "select_stmt" || inner.type === "compound_select_stmt")) {
        return { kind: "in_select", not, left: this.expr(n.left), select: this.select(inner), span };
      }
      const items = inner?.type === "list_expr" ? (inner.items as Cst[]).map((i) => this.expr(i)) : inner ? [this.expr(inner)] : [];
      return { kind: "in_list", not, left: this.expr(n.left), items, span };
    }
    if (op === "collate") return { kind: "unary", op: "collate", operand: this.expr(n.left), span };
    if ((op === "is" || op === "is not") && n.right.type === "null_literal") {
      return { kind: "null_test", not: op === "is not", operand: this.expr(n.left), span };
    }
    return { kind: "binary", op, left: this.expr(n.left), right: this.expr(n.right), span };
  }

  private call(n: Cst, span: Span): A.Expr {
    if (macroName(n) !== null) {
      const occurrence = this.paramIndex.get(span.start);
      return occurrence === undefined ? { kind: "unknown", span } : { kind: "param", occurrence, span };
    }
    const argItems: Cst[] = n.args?.expr?.args?.items ?? [];
    return {
      kind: "call",
      name: entityName(n.name).toLowerCase(),
      args: this.args(n),
      star: argItems.some((a) => a.type === "all_columns"),
      window: n.over !== undefined,
      span,
    };
  }
}

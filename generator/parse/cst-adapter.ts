/**
 * The one adapter to the SQL parser (sql-parser-cst, GPL-2.0-or-later). It turns the parser's
 * concrete syntax tree into sqlgen's AST (ast.ts) and lists every placeholder and sqlc macro.
 * Node kinds analysis does not need become `unknown`; nothing outside this file sees the CST.
 */
import { parse, type ParserOptions } from "sql-parser-cst";
import type { Span } from "../diagnostics/diagnostic.js";
import type * as A from "./ast.js";

/** The CST is a wide union over many dialects; this adapter reads it structurally. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Cst = { readonly type: string; readonly range?: [number, number]; readonly [key: string]: any };

export interface MacroError { readonly message: string; readonly span: Span }

export type ParseOutcome =
  | { readonly ok: true; readonly parsed: A.ParsedStatement; readonly macroErrors: readonly MacroError[] }
  | { readonly ok: false; readonly message: string };

const options: ParserOptions = { dialect: "sqlite", includeRange: true, paramTypes: ["?", "?nr", ":name", "@name", "$name"] };

/** Parses one statement whose text starts at file offset `base`. */
export function parseStatement(sql: string, base: number): ParseOutcome {
  let program: Cst;
  try {
    program = parse(sql, options) as unknown as Cst;
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message.split("\n")[0] : String(e) };
  }
  const statements = (program.statements as Cst[]).filter((s) => s.type !== "empty");
  const converter = new Converter(base);
  converter.collect(program);
  const statement = statements.length === 1 ? converter.statement(statements[0]) : ({ kind: "other", span: { start: base, end: base + sql.length } } as const);
  return { ok: true, parsed: { statement, params: converter.params, embeds: converter.embeds }, macroErrors: converter.macroErrors };
}

const sqlcMacros = new Set(["arg", "narg", "slice", "embed"]);

class Converter {
  readonly params: A.ParamOccurrence[] = [];
  readonly embeds: A.EmbedOccurrence[] = [];
  readonly macroErrors: MacroError[] = [];
  private readonly paramIndex = new Map<number, number>();

  constructor(private readonly base: number) {}

  span(node: Cst): Span {
    const r = node.range ?? [0, 0];
    return { start: this.base + r[0], end: this.base + r[1] };
  }

  /** First pass: every placeholder and macro in text order, wherever it sits. */
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

  statement(n: Cst): A.Statement {
    switch (n.type) {
      case "select_stmt":
      case "compound_select_stmt":
        return this.select(n);
      case "insert_stmt":
        return this.insert(n);
      case "update_stmt":
        return this.update(n);
      case "delete_stmt":
        return this.delete(n);
      default:
        return { kind: "other", span: this.span(n) };
    }
  }

  select(n: Cst): A.Select {
    if (n.type === "paren_expr") return this.select(n.expr);
    if (n.type === "compound_select_stmt") {
      const left = this.select(n.left);
      const right = this.select(n.right);
      const op = (Array.isArray(n.operator) ? n.operator : [n.operator]).map((k: Cst) => k.name).join(" ").toLowerCase();
      return {
        kind: "select",
        ctes: left.ctes,
        body: { kind: "compound", op, left: left.body, right: right.body },
        orderBy: right.orderBy,
        limit: right.limit,
        offset: right.offset,
        span: this.span(n),
      };
    }
    const clauses: Cst[] = n.clauses;
    const clause = (type: string) => clauses.find((c) => c.type === type);
    const values = clause("values_clause");
    const body: A.SelectBody = values
      ? { kind: "values", rows: this.rows(values) }
      : {
          kind: "core",
          columns: this.resultColumns(clause("select_clause")?.columns?.items ?? []),
          from: clause("from_clause") ? this.from(clause("from_clause")!.expr) : null,
          where: this.optExpr(clause("where_clause")?.expr),
          groupBy: (clause("group_by_clause")?.columns?.items ?? []).map((e: Cst) => this.expr(e)),
          having: this.optExpr(clause("having_clause")?.expr),
        };
    const limit = clause("limit_clause");
    return {
      kind: "select",
      ctes: this.ctes(clause("with_clause")),
      body,
      orderBy: this.orderBy(clause("order_by_clause")),
      limit: this.optExpr(limit?.count),
      offset: this.optExpr(limit?.offset),
      span: this.span(n),
    };
  }

  private ctes(withClause: Cst | undefined): A.Cte[] {
    if (!withClause) return [];
    return (withClause.tables.items as Cst[]).map((t) => {
      const inner: Cst = t.expr.expr;
      const isSelect = inner.type === "select_stmt" || inner.type === "compound_select_stmt" || inner.type === "paren_expr";
      return {
        name: t.table.name,
        columns: t.columns ? (t.columns.expr.items as Cst[]).map((c) => c.name as string) : null,
        select: isSelect ? this.select(inner) : null,
        span: this.span(t),
      };
    });
  }

  private orderBy(clause: Cst | undefined): A.Expr[] {
    return (clause?.specifications?.items ?? []).map((s: Cst) => this.expr(s.type === "sort_specification" ? s.expr : s));
  }

  private rows(values: Cst): A.Expr[][] {
    return (values.values.items as Cst[]).map((row) => {
      const list: Cst = row.type === "paren_expr" ? row.expr : row.row?.expr;
      return (list?.items ?? []).map((e: Cst) => this.expr(e));
    });
  }

  private resultColumns(items: Cst[]): A.ResultColumn[] {
    return items.map((item): A.ResultColumn => {
      const span = this.span(item);
      if (item.type === "all_columns") return { kind: "star", span };
      if (item.type === "member_expr" && item.property.type === "all_columns") return { kind: "table_star", table: item.object.name, span };
      if (macroName(item) === "embed") {
        const embed = this.embeds.find((e) => e.span.start === span.start);
        if (embed) return { kind: "embed", table: embed.table, span };
      }
      if (item.type === "alias") return { kind: "expr", expr: this.expr(item.expr), alias: item.alias.name, span };
      return { kind: "expr", expr: this.expr(item), alias: null, span };
    });
  }

  from(n: Cst): A.FromItem {
    const span = this.span(n);
    if (n.type === "join_expr") {
      const words: string[] = n.operator === "," ? [] : (Array.isArray(n.operator) ? n.operator : [n.operator]).map((k: Cst) => String(k.name).toLowerCase());
      const op = words.includes("left") ? "left" : words.includes("right") ? "right" : words.includes("full") ? "full" : words.includes("cross") || n.operator === "," ? "cross" : "inner";
      const spec: Cst | undefined = n.specification;
      return {
        kind: "join",
        op,
        natural: words.includes("natural"),
        left: this.from(n.left),
        right: this.from(n.right),
        on: spec?.type === "join_on_specification" ? this.expr(spec.expr) : null,
        using: spec?.type === "join_using_specification" ? (spec.expr.expr.items as Cst[]).map((i) => i.name as string) : [],
        span,
      };
    }
    const alias: string | null = n.type === "alias" ? n.alias.name : null;
    const target: Cst = n.type === "alias" ? n.expr : n;
    const table: Cst = target.type === "indexed_table" || target.type === "not_indexed_table" ? target.table : target;
    if (table.type === "alias") return this.from(table);
    if (table.type === "identifier" || table.type === "member_expr") return { kind: "table", name: entityName(table), alias, span };
    if (table.type === "func_call") {
      return { kind: "table_function", name: entityName(table.name).toLowerCase(), args: this.args(table), alias, span };
    }
    if (table.type === "paren_expr") {
      const inner: Cst = table.expr;
      if (inner.type === "select_stmt" || inner.type === "compound_select_stmt") return { kind: "subquery", select: this.select(inner), alias, span };
      return this.from(inner);
    }
    return { kind: "table_function", name: "<unknown>", args: [], alias, span };
  }

  private insert(n: Cst): A.Insert {
    const clauses: Cst[] = n.clauses;
    const insertClause = clauses.find((c) => c.type === "insert_clause")!;
    const target: Cst = insertClause.table;
    const values = clauses.find((c) => c.type === "values_clause");
    const select = clauses.find((c) => c.type === "select_stmt" || c.type === "compound_select_stmt");
    return {
      kind: "insert",
      ctes: this.ctes(clauses.find((c) => c.type === "with_clause")),
      table: entityName(target.type === "alias" ? target.expr : target),
      alias: target.type === "alias" ? target.alias.name : null,
      columns: insertClause.columns ? (insertClause.columns.expr.items as Cst[]).map((c) => c.name as string) : null,
      rows: values ? this.rows(values) : [],
      select: select ? this.select(select) : null,
      upserts: clauses
        .filter((c) => c.type === "upsert_clause")
        .map((u) => ({
          where: this.optExpr(u.where?.expr),
          set: u.action.type === "upsert_action_update" ? this.assignments(u.action.set) : [],
          updateWhere: u.action.type === "upsert_action_update" ? this.optExpr(u.action.where?.expr) : null,
        })),
      returning: this.returning(clauses),
      span: this.span(n),
    };
  }

  private update(n: Cst): A.Update {
    const clauses: Cst[] = n.clauses;
    const target: Cst = clauses.find((c) => c.type === "update_clause")!.tables.items[0];
    const from = clauses.find((c) => c.type === "from_clause");
    const limit = clauses.find((c) => c.type === "limit_clause");
    const named = target.type === "alias" ? target.expr : target;
    return {
      kind: "update",
      ctes: this.ctes(clauses.find((c) => c.type === "with_clause")),
      table: entityName(named.type === "indexed_table" || named.type === "not_indexed_table" ? named.table : named),
      alias: target.type === "alias" ? target.alias.name : null,
      set: this.assignments(clauses.find((c) => c.type === "set_clause")!),
      from: from ? this.from(from.expr) : null,
      where: this.optExpr(clauses.find((c) => c.type === "where_clause")?.expr),
      returning: this.returning(clauses),
      orderBy: this.orderBy(clauses.find((c) => c.type === "order_by_clause")),
      limit: this.optExpr(limit?.count),
      offset: this.optExpr(limit?.offset),
      span: this.span(n),
    };
  }

  private delete(n: Cst): A.Delete {
    const clauses: Cst[] = n.clauses;
    const target: Cst = clauses.find((c) => c.type === "delete_clause")!.tables.items[0];
    const named = target.type === "alias" ? target.expr : target;
    const limit = clauses.find((c) => c.type === "limit_clause");
    return {
      kind: "delete",
      ctes: this.ctes(clauses.find((c) => c.type === "with_clause")),
      table: entityName(named.type === "indexed_table" || named.type === "not_indexed_table" ? named.table : named),
      alias: target.type === "alias" ? target.alias.name : null,
      where: this.optExpr(clauses.find((c) => c.type === "where_clause")?.expr),
      returning: this.returning(clauses),
      orderBy: this.orderBy(clauses.find((c) => c.type === "order_by_clause")),
      limit: this.optExpr(limit?.count),
      offset: this.optExpr(limit?.offset),
      span: this.span(n),
    };
  }

  private returning(clauses: Cst[]): A.ResultColumn[] | null {
    const r = clauses.find((c) => c.type === "returning_clause");
    return r ? this.resultColumns(r.columns.items) : null;
  }

  private assignments(set: Cst): A.Assignment[] {
    return (set.assignments.items as Cst[]).map((a) => ({
      columns: a.column.type === "paren_expr" ? (a.column.expr.items as Cst[]).map((c) => c.name as string) : [a.column.type === "member_expr" ? a.column.property.name : a.column.name],
      value: a.expr.type === "default" ? { kind: "unknown", span: this.span(a.expr) } : this.expr(a.expr),
    }));
  }

  private optExpr(n: Cst | undefined): A.Expr | null {
    return n === undefined || n === null ? null : this.expr(n);
  }

  private args(call: Cst): A.Expr[] {
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

function placeholderSyntax(text: string): A.ParamSyntax {
  if (text === "?") return { kind: "anonymous" };
  if (text.startsWith("?")) return { kind: "numbered", number: Number(text.slice(1)) };
  return { kind: "named", name: text.slice(1) };
}

/** `sqlc.x(...)` → "x"; anything else → null. */
function macroName(n: Cst): string | null {
  if (n.type !== "func_call" || n.name?.type !== "member_expr") return null;
  const object: Cst = n.name.object;
  if (object.type !== "identifier" || String(object.name).toLowerCase() !== "sqlc") return null;
  return String(n.name.property.name).toLowerCase();
}

function macroArgument(arg: Cst): string | null {
  if (arg.type === "identifier") return arg.name;
  if (arg.type === "string_literal") return arg.value;
  return null;
}

function entityName(n: Cst): string {
  if (n.type === "member_expr") return n.property.name;
  return n.name ?? n.text ?? "";
}

function keywordWords(op: Cst | Cst[]): string {
  return (Array.isArray(op) ? op : [op]).map((k) => String(k.name)).join(" ").toLowerCase();
}

function dataTypeName(n: Cst): string {
  if (n.type === "data_type_name") return (Array.isArray(n.name) ? n.name : [n.name]).map((k: Cst) => k.text).join(" ");
  if (n.type === "modified_data_type") return dataTypeName(n.dataType);
  return n.text ?? "";
}

/** The SELECT of a `CREATE VIEW … AS SELECT …` statement, or null if it cannot be read. */
export function parseViewSelect(sql: string): A.Select | null {
  let program: Cst;
  try {
    program = parse(sql, options) as unknown as Cst;
  } catch {
    return null;
  }
  const view: Cst | undefined = program.statements[0];
  const as: Cst | undefined = view?.type === "create_view_stmt" ? (view.clauses as Cst[]).find((c) => c.type === "as_clause") : undefined;
  if (as === undefined) return null;
  const converter = new Converter(0);
  converter.collect(as.expr);
  return converter.select(as.expr);
}

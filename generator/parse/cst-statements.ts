/** CST statements (SELECT, INSERT, UPDATE, DELETE and their clauses) → AST statements. */
import type * as A from "./ast.js";
import { ExprConverter } from "./cst-expressions.js";
import { entityName, macroName, type Cst } from "./cst-node.js";

export class Converter extends ExprConverter {
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
    const from = clauses.find((c) => c.type === "from_clause");
    return {
      kind: "update",
      ...this.writeToTable(n, clauses.find((c) => c.type === "update_clause")!),
      set: this.assignments(clauses.find((c) => c.type === "set_clause")!),
      from: from ? this.from(from.expr) : null,
    };
  }

  private delete(n: Cst): A.Delete {
    return { kind: "delete", ...this.writeToTable(n, (n.clauses as Cst[]).find((c) => c.type === "delete_clause")!) };
  }

  private writeToTable(n: Cst, targetClause: Cst): A.WriteToTable {
    const clauses: Cst[] = n.clauses;
    const target: Cst = targetClause.tables.items[0];
    const named = target.type === "alias" ? target.expr : target;
    const limit = clauses.find((c) => c.type === "limit_clause");
    return {
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
}

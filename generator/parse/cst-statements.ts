/**
 * CST statements (SELECT, INSERT, UPDATE, DELETE and their clauses) → AST statements. Clauses
 * are read in the order they are written, so placeholders are met in text order; a clause
 * analysis does not read is swept for its placeholders.
 */
import type { DeleteStmt, InsertStmt, Node, OrderByClause, SelectStmt, SetClause, Statement, SubSelect, UpdateStmt, WithClause } from "sql-parser-cst";
import type * as A from "./ast.js";
import { ExprConverter } from "./cst-expressions.js";
import { fromItem } from "./cst-from.js";
import { clauseNodes, keywordWords, macroName } from "./cst-node.js";

/** What SELECT, INSERT, UPDATE and DELETE share, filled in clause by clause. */
interface Tail {
  ctes: A.Cte[];
  where: A.Expr | null;
  returning: A.ResultColumn[] | null;
  orderBy: A.Expr[];
  limit: A.Expr | null;
  offset: A.Expr | null;
}

export class Converter extends ExprConverter {
  statement(n: Statement): A.Statement {
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
        this.collector.sweep(n);
        return { kind: "other", span: this.span(n) };
    }
  }

  select(n: SubSelect): A.Select {
    if (n.type === "paren_expr") return this.select(n.expr);
    if (n.type === "compound_select_stmt") {
      const left = this.select(n.left);
      const right = this.select(n.right);
      const op = keywordWords(n.operator);
      const { orderBy, limit, offset } = right;
      return { kind: "select", ctes: left.ctes, body: { kind: "compound", op, left: left.body, right: right.body }, orderBy, limit, offset, span: this.span(n) };
    }
    return this.simpleSelect(n);
  }

  private simpleSelect(n: SelectStmt): A.Select {
    const tail = this.tail();
    let core: A.SelectCore = { kind: "core", columns: [], from: null, where: null, groupBy: [], having: null };
    let values: A.ValuesBody | null = null;
    for (const clause of clauseNodes(n.clauses)) {
      switch (clause.type) {
        case "values_clause":
          values = { kind: "values", rows: this.rows(clause.values.items) };
          break;
        case "select_clause":
          core = { ...core, columns: this.resultColumns(clause.columns?.items ?? []) };
          break;
        case "from_clause":
          core = { ...core, from: fromItem(this, clause.expr) };
          break;
        case "where_clause":
          core = { ...core, where: this.expr(clause.expr) };
          break;
        case "group_by_clause":
          core = { ...core, groupBy: clause.columns.items.map((e) => this.expr(e)) };
          break;
        case "having_clause":
          core = { ...core, having: this.expr(clause.expr) };
          break;
        default:
          this.tailClause(clause, tail);
      }
    }
    return { kind: "select", ctes: tail.ctes, body: values ?? core, orderBy: tail.orderBy, limit: tail.limit, offset: tail.offset, span: this.span(n) };
  }

  private tail(): Tail {
    return { ctes: [], where: null, returning: null, orderBy: [], limit: null, offset: null };
  }

  /** The clauses SELECT, UPDATE and DELETE share; anything else is swept. */
  private tailClause(clause: Node, tail: Tail): void {
    switch (clause.type) {
      case "with_clause":
        tail.ctes = this.ctes(clause);
        break;
      case "where_clause":
        tail.where = this.expr(clause.expr);
        break;
      case "returning_clause":
        tail.returning = this.resultColumns(clause.columns.items);
        break;
      case "order_by_clause":
        tail.orderBy = this.orderBy(clause);
        break;
      case "limit_clause": {
        // `LIMIT offset, count` writes the offset first.
        const offsetFirst = clause.offset !== undefined && clause.count !== undefined && (clause.offset.range?.[0] ?? 0) < (clause.count.range?.[0] ?? 0);
        const offset = offsetFirst ? this.optExpr(clause.offset) : null;
        tail.limit = clause.count === undefined || clause.count.type === "limit_all" ? null : this.expr(clause.count);
        tail.offset = offsetFirst ? offset : this.optExpr(clause.offset);
        break;
      }
      default:
        this.collector.sweep(clause);
    }
  }

  private ctes(clause: WithClause): A.Cte[] {
    return clause.tables.items.map((t) => {
      const columns = t.columns ? t.columns.expr.items.map((c) => this.ident(c)) : null;
      const inner = t.expr.expr;
      const isSelect = inner.type === "select_stmt" || inner.type === "compound_select_stmt" || inner.type === "paren_expr";
      if (!isSelect) this.collector.sweep(inner);
      return { name: this.ident(t.table), columns, select: isSelect ? this.select(inner) : null, span: this.span(t) };
    });
  }

  private orderBy(clause: OrderByClause): A.Expr[] {
    return clause.specifications.items.map((s) => this.expr(s.type === "sort_specification" ? s.expr : s));
  }

  private rows(rows: readonly Node[]): A.Expr[][] {
    return rows.map((row) => {
      const list = row.type === "paren_expr" ? row.expr : row.type === "row_constructor" ? row.row.expr : null;
      if (list === null || list.type !== "list_expr") return [this.expr(row)];
      return list.items.map((e) => this.expr(e));
    });
  }

  resultColumns(items: readonly Node[]): A.ResultColumn[] {
    return items.map((item): A.ResultColumn => {
      const span = this.span(item);
      if (item.type === "all_columns") return { kind: "star", span };
      if (item.type === "member_expr" && item.property.type === "all_columns") return { kind: "table_star", table: this.entityName(item.object), span };
      const embedCall = item.type === "alias" ? item.expr : item;
      if (embedCall.type === "func_call" && macroName(embedCall) === "embed") {
        const before = this.collector.embeds.length;
        const expr = this.collector.macro(embedCall, "embed");
        const embed = this.collector.embeds[before];
        const alias = item.type === "alias" ? this.ident(item.alias) : null;
        if (embed === undefined) return { kind: "expr", expr, alias, span };
        // The alias goes with the macro: SQLite never sees `t.* AS name`.
        this.collector.embeds[before] = { ...embed, span };
        return { kind: "embed", table: embed.table, alias, span };
      }
      if (item.type === "alias") return { kind: "expr", expr: this.expr(item.expr), alias: this.ident(item.alias), span };
      return { kind: "expr", expr: this.expr(item), alias: null, span };
    });
  }

  private insert(n: InsertStmt): A.Insert {
    const tail = this.tail();
    let target: Pick<A.Insert, "table" | "alias" | "columns"> = { table: "", alias: null, columns: null };
    let rows: A.Expr[][] = [];
    let select: A.Select | null = null;
    let orAction: string | null = null;
    const upserts: A.Insert["upserts"][number][] = [];
    for (const clause of clauseNodes(n.clauses)) {
      switch (clause.type) {
        case "insert_clause": {
          orAction = clause.orAction ? keywordWords(clause.orAction.actionKw) : null;
          const t = clause.table;
          const named = t.type === "alias" ? t.expr : t;
          target = {
            table: this.entityName(named),
            alias: t.type === "alias" ? this.ident(t.alias) : null,
            columns: clause.columns ? clause.columns.expr.items.map((i) => this.ident(i)) : null,
          };
          break;
        }
        case "values_clause":
          rows = this.rows(clause.values.items);
          break;
        case "select_stmt":
        case "compound_select_stmt":
          select = this.select(clause);
          break;
        case "paren_expr": {
          const inner = clause.expr;
          if (inner.type === "select_stmt" || inner.type === "compound_select_stmt") select = this.select(inner);
          else this.collector.sweep(clause);
          break;
        }
        case "upsert_clause": {
          if (clause.conflictTarget) this.collector.sweep(clause.conflictTarget);
          const where = clause.where ? this.expr(clause.where.expr) : null;
          const action = clause.action;
          const set = action.type === "upsert_action_update" ? this.assignments(action.set) : [];
          const updateWhere = action.type === "upsert_action_update" && action.where ? this.expr(action.where.expr) : null;
          upserts.push({ where, set, updateWhere, nothing: action.type === "upsert_action_nothing" });
          break;
        }
        default:
          this.tailClause(clause, tail);
      }
    }
    return { kind: "insert", ctes: tail.ctes, ...target, orAction, rows, select, upserts, returning: tail.returning, span: this.span(n) };
  }

  private update(n: UpdateStmt): A.Update {
    const tail = this.tail();
    let target: Pick<A.Update, "table" | "alias"> = { table: "", alias: null };
    let set: A.Assignment[] = [];
    let from: A.FromItem | null = null;
    for (const clause of clauseNodes(n.clauses)) {
      switch (clause.type) {
        case "update_clause":
          target = this.target(clause.tables.items[0]);
          break;
        case "set_clause":
          set = this.assignments(clause);
          break;
        case "from_clause":
          from = fromItem(this, clause.expr);
          break;
        default:
          this.tailClause(clause, tail);
      }
    }
    return { kind: "update", ...tail, ...target, set, from, span: this.span(n) };
  }

  private delete(n: DeleteStmt): A.Delete {
    const tail = this.tail();
    let target: Pick<A.Delete, "table" | "alias"> = { table: "", alias: null };
    for (const clause of clauseNodes(n.clauses)) {
      if (clause.type === "delete_clause") target = this.target(clause.tables.items[0]);
      else this.tailClause(clause, tail);
    }
    return { kind: "delete", ...tail, ...target, span: this.span(n) };
  }

  /** The table an UPDATE or DELETE writes: `t`, `t AS x`, `t INDEXED BY i`. */
  private target(t: Node | undefined): { table: string; alias: string | null } {
    if (t === undefined) return { table: "", alias: null };
    const named = t.type === "alias" ? t.expr : t;
    const table = named.type === "indexed_table" || named.type === "not_indexed_table" ? named.table : named;
    return { table: this.entityName(table.type === "alias" ? table.expr : table), alias: t.type === "alias" ? this.ident(t.alias) : null };
  }

  private assignments(set: SetClause): A.Assignment[] {
    return set.assignments.items.map((a) => {
      const columns = a.column.type === "paren_expr" ? a.column.expr.items.map((c) => this.ident(c)) : [this.entityName(a.column)];
      return { columns, value: a.expr.type === "default" ? { kind: "unknown", span: this.span(a.expr) } : this.expr(a.expr) };
    });
  }
}

/**
 * Where each placeholder sits, and what that says about it: `col = ?` names it `col` and gives
 * it col's type; `BETWEEN ? AND ?` gives `from_col`/`to_col`; `LIMIT ?` is `limit`; an INSERT
 * value or UPDATE assignment takes its column. Walks every clause with the scope it sees.
 */
import { withNullable } from "./value-type.js";
import type { ColumnOrigin, ValueType } from "../ir/query-ir.js";
import type { Assignment, Expr, FromItem, ResultColumn, Select, SelectBody, Statement } from "../parse/ast.js";
import { assertNever } from "../parse/ast.js";
import { exprChildren, nestedSelect } from "../parse/walk.js";
import { operatorRule } from "./operators.js";
import { tsTypeOfDeclared } from "./type-map.js";
import type { Relations } from "./relations.js";
import { CteEnv, readType, Scope, type Relation, type RelColumn } from "./scope.js";

export interface ParamHint {
  readonly name: string | null;
  readonly type: ValueType | null;
  /** The table column `type` is read from, if it is one. */
  readonly origin?: ColumnOrigin | null;
  /** The placeholder is an item of an `IN (…)` list, where a slice may stand. */
  readonly inList: boolean;
}

/** Functions whose arguments share one type. */
const sameTypeArgs = new Set(["coalesce", "ifnull", "nullif", "min", "max"]);
const numberType = (where: string): ValueType => ({ ts: "number", nullable: false, why: `${where} needs a number` });

export class ParamHints {
  /** Hints by occurrence index; the first informative hint wins. */
  readonly hints = new Map<number, ParamHint>();

  constructor(private readonly relations: Relations) {}

  statement(s: Statement): void {
    switch (s.kind) {
      case "select":
        return this.select(s, null, new CteEnv(null));
      case "insert": {
        const env = this.ctes(s.ctes, null);
        const target = this.relations.tableRelation(s.table, s.alias, env);
        const columns = s.columns ?? target.table?.columns.filter((c) => !c.hidden && !c.generated).map((c) => c.name) ?? [];
        const scope = new Scope([target], null, env);
        for (const row of s.rows) row.forEach((value, i) => this.assign(target, columns[i], value, scope));
        if (s.select) {
          this.select(s.select, null, env);
          if (s.select.body.kind === "core") s.select.body.columns.forEach((c, i) => c.kind === "expr" && this.assign(target, columns[i], c.expr, scope));
        }
        const upsertScope = new Scope([target, { ...target, name: "excluded" }], null, env);
        for (const u of s.upserts) {
          this.assignments(target, u.set, upsertScope);
          this.opt(u.where, upsertScope);
          this.opt(u.updateWhere, upsertScope);
        }
        return this.resultColumns(s.returning, scope);
      }
      case "update": {
        const env = this.ctes(s.ctes, null);
        const target = this.relations.tableRelation(s.table, s.alias, env);
        const from = s.from ? this.relations.scopeFor(s.from, null, env).relations : [];
        const scope = new Scope([target, ...from], null, env);
        if (s.from) this.from(s.from, scope);
        this.assignments(target, s.set, scope);
        this.opt(s.where, scope);
        this.tail(s.orderBy, s.limit, s.offset, scope);
        return this.resultColumns(s.returning, scope);
      }
      case "delete": {
        const env = this.ctes(s.ctes, null);
        const scope = new Scope([this.relations.tableRelation(s.table, s.alias, env)], null, env);
        this.opt(s.where, scope);
        this.tail(s.orderBy, s.limit, s.offset, scope);
        return this.resultColumns(s.returning, scope);
      }
      case "other":
        return;
      default:
        return assertNever(s);
    }
  }

  private ctes(ctes: Select["ctes"], outer: Scope | null): CteEnv {
    const env = this.relations.defineCtes(ctes, outer, new CteEnv(null));
    for (const cte of ctes) if (cte.select) this.select(cte.select, outer, env);
    return env;
  }

  private select(s: Select, outer: Scope | null, env: CteEnv): void {
    const inner = this.relations.defineCtes(s.ctes, outer, env);
    for (const cte of s.ctes) if (cte.select) this.select(cte.select, outer, inner);
    const scope = this.body(s.body, outer, inner);
    this.tail(s.orderBy, s.limit, s.offset, scope);
  }

  private body(b: SelectBody, outer: Scope | null, env: CteEnv): Scope {
    switch (b.kind) {
      case "core": {
        const scope = this.relations.coreScope(b, outer, env);
        if (b.from) this.from(b.from, scope);
        this.resultColumns(b.columns, scope);
        this.opt(b.where, scope);
        b.groupBy.forEach((e) => this.expr(e, scope));
        this.opt(b.having, scope);
        return scope;
      }
      case "values": {
        const scope = new Scope([], outer, env);
        b.rows.forEach((row) => row.forEach((e) => this.expr(e, scope)));
        return scope;
      }
      case "compound":
        this.body(b.left, outer, env);
        return this.body(b.right, outer, env);
    }
  }

  private from(f: FromItem, scope: Scope): void {
    switch (f.kind) {
      case "table":
        return;
      case "table_function":
        for (const a of f.args) {
          this.expr(a, scope);
          if (a.kind === "param") this.hint(a.occurrence, { name: null, type: { ts: "string", nullable: false, why: `an argument of ${f.name}() is JSON text` }, inList: false });
        }
        return;
      case "subquery":
        return this.select(f.select, scope.parent, scope.env);
      case "join":
        this.from(f.left, scope);
        this.from(f.right, scope);
        return this.opt(f.on, scope);
    }
  }

  private resultColumns(columns: readonly ResultColumn[] | null, scope: Scope): void {
    for (const c of columns ?? []) if (c.kind === "expr") this.expr(c.expr, scope);
  }

  private tail(orderBy: readonly Expr[], limit: Expr | null, offset: Expr | null, scope: Scope): void {
    orderBy.forEach((e) => this.expr(e, scope));
    if (limit) this.named(limit, "limit", numberType("LIMIT"), scope);
    if (offset) this.named(offset, "offset", numberType("OFFSET"), scope);
  }

  private assignments(target: Relation, set: readonly Assignment[], scope: Scope): void {
    for (const a of set) {
      if (a.columns.length === 1) this.assign(target, a.columns[0], a.value, scope);
      else if (a.value.kind === "row") a.value.items.forEach((v, i) => this.assign(target, a.columns[i], v, scope));
      else this.expr(a.value, scope);
    }
  }

  private assign(target: Relation, column: string | undefined, value: Expr, scope: Scope): void {
    const c = column === undefined ? undefined : target.columns.find((x) => x.name.toLowerCase() === column.toLowerCase());
    if (c) {
      this.paramHint(value, c.name, { ...c.type, why: `stored in \`${c.name}\`, ${c.type.why ?? ""}` }, originOf(c));
      this.expr(value, scope);
    } else this.expr(value, scope);
  }

  /** In coalesce(col, ?) and the like, a placeholder takes its sibling's name and type. */
  private siblings(args: readonly Expr[], scope: Scope): void {
    const other = args.find((a) => a.kind !== "param");
    if (other === undefined) return;
    for (const a of args) if (a.kind === "param") this.hint(a.occurrence, { ...this.counterpart(other, scope), inList: false });
  }

  private opt(e: Expr | null, scope: Scope): void {
    if (e !== null) this.expr(e, scope);
  }

  /** Records a hint when `e` is a placeholder. */
  private paramHint(e: Expr, name: string | null, type: ValueType | null, origin: ColumnOrigin | null = null): void {
    if (e.kind === "param") this.hint(e.occurrence, { name, type, inList: false, origin });
  }

  /** Records a hint when `e` is a placeholder, then walks it. */
  private named(e: Expr, name: string | null, type: ValueType | null, scope: Scope): void {
    this.paramHint(e, name, type);
    this.expr(e, scope);
  }

  private hint(occurrence: number, hint: ParamHint): void {
    const prev = this.hints.get(occurrence);
    if (prev === undefined || (prev.name === null && prev.type === null)) this.hints.set(occurrence, hint);
  }

  /** What the other operand of a comparison says about a placeholder. */
  private counterpart(other: Expr, scope: Scope): { name: string | null; type: ValueType | null; origin: ColumnOrigin | null } {
    if (other.kind === "column") {
      const r = scope.resolve(other.table, other.column);
      const type = r ? readType(r) : null;
      return { name: other.column, type: type && { ...type, why: `used with \`${other.column}\`, ${type.why ?? ""}` }, origin: r ? originOf(r.column) : null };
    }
    const t = this.relations.typer.infer(other, scope);
    return { name: null, type: t.ts === "unknown" ? null : withNullable(t, false, "compared with an expression, which a NULL would never match"), origin: null };
  }

  private pair(left: Expr, right: Expr, scope: Scope, type: ValueType | null = null): void {
    if (left.kind === "row" && right.kind === "row") {
      left.items.forEach((l, i) => right.items[i] && this.pair(l, right.items[i], scope, type));
      return;
    }
    for (const [param, other] of [[left, right], [right, left]] as const) {
      if (param.kind !== "param") continue;
      const c = this.counterpart(other, scope);
      this.hint(param.occurrence, { name: c.name, type: type ?? c.type, inList: false, origin: type === null ? c.origin : null });
    }
  }

  /** Records what `e` says about placeholders directly inside it, then walks what it contains. */
  private expr(e: Expr, scope: Scope): void {
    this.hintsFrom(e, scope);
    for (const child of exprChildren(e)) this.expr(child, scope);
    const select = nestedSelect(e);
    if (select !== null) this.select(select, scope, scope.env);
  }

  private hintsFrom(e: Expr, scope: Scope): void {
    switch (e.kind) {
      case "unary":
        if (e.operand.kind === "param" && (e.op === "-" || e.op === "~")) this.hint(e.operand.occurrence, { name: null, type: numberType(`unary ${e.op}`), inList: false });
        return;
      case "binary": {
        const param = operatorRule(e.op).param;
        if (param === "counterpart") this.pair(e.left, e.right, scope);
        else if (param !== null) this.pair(e.left, e.right, scope, { ts: param, nullable: false, why: `an operand of ${e.op.toUpperCase()}` });
        return;
      }
      case "in_list": {
        // NULL in an IN list never matches anything: list values are never nullable.
        const c = this.counterpart(e.left, scope);
        const type = c.type && withNullable(c.type, false, "an item of IN (…), where NULL matches nothing");
        for (const item of e.items) if (item.kind === "param") this.hint(item.occurrence, { name: c.name, type, inList: true, origin: c.origin });
        return;
      }
      case "between": {
        const c = this.counterpart(e.left, scope);
        this.paramHint(e.low, c.name === null ? null : `from_${c.name}`, c.type, c.origin);
        this.paramHint(e.high, c.name === null ? null : `to_${c.name}`, c.type, c.origin);
        return;
      }
      case "call":
        if (sameTypeArgs.has(e.name)) this.siblings(e.args, scope);
        return;
      case "cast":
        if (e.operand.kind === "param") this.hint(e.operand.occurrence, { name: null, type: { ts: tsTypeOfDeclared(e.typeName), nullable: true, why: "CAST(… AS …) accepts NULL" }, inList: false });
        return;
      default:
        return;
    }
  }
}

/** A relation column's place in the schema, when it is a plain table column. */
function originOf(c: RelColumn): ColumnOrigin | null {
  return c.table !== null && c.column !== null ? { table: c.table, column: c.column } : null;
}

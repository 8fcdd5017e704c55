/**
 * The columns of every relation a query reads: tables, views, CTEs (recursive ones too),
 * subqueries, table-valued functions and joins, with the nullability outer joins add.
 */
import type { ColumnTypes } from "./column-types.js";
import { commonValueType, withNullable } from "./value-type.js";
import type { Span } from "../diagnostics/diagnostic.js";
import type { ValueType } from "../ir/query-ir.js";
import { tsTypeOfDeclared } from "./type-map.js";
import type { Expr, FromItem, ResultColumn, Select, SelectBody, SelectCore, Cte } from "../parse/ast.js";
import type { Catalog, CatalogColumn, CatalogTable } from "../schema/catalog.js";
import { aggregatesWithoutGroup } from "./aggregates.js";
import { ExprTyper, type SubqueryColumns } from "./infer-expr.js";
import { CteEnv, Scope, type RelColumn, type Relation } from "./scope.js";
import { proveByWhere } from "./where-proofs.js";
import { quoteName } from "../sqlite/quote-name.js";

/** One column of a query's result, before it is matched with what SQLite reports. */
export interface OutputColumn extends RelColumn {
  readonly span: Span;
  /** Set when the column belongs to a `sqlc.embed(…)` group (one object per group). */
  readonly embed: EmbedGroup | null;
  readonly unknownFunction: string | null;
  /** The expression of an unaliased, non-reference result column (named the way sqlc names it). */
  readonly unaliased: Expr | null;
}

export interface EmbedGroup {
  readonly relation: Relation;
  /** `sqlc.embed(t) AS name`. */
  readonly alias: string | null;
}

/** What runs in place of `*`, `t.*` or `sqlc.embed(t)`: its columns by name. */
export interface StarExpansion {
  readonly span: Span;
  readonly text: string;
}

export interface RelationsContext {
  readonly catalog: Catalog;
  /** Source text of a span (names of unaliased expression columns). */
  readonly textOf: (span: Span) => string;
  /** The SELECT inside a CREATE VIEW statement. */
  readonly parseView: (sql: string) => Select | null;
  /** Table columns' types (declared type, type options, brands, CHECK literals). */
  readonly columnTypes: ColumnTypes;
}

const none: ReadonlySet<string> = new Set();
const jsonColumn = (ts: ValueType["ts"], nullable: boolean): ValueType => ({ ts, nullable, why: nullable ? "json_each/json_tree column that may be NULL" : "json_each/json_tree column that is never NULL" });
const jsonEachColumns: [string, ValueType][] = [
  ["key", jsonColumn("unknown", true)],
  ["value", jsonColumn("unknown", true)],
  ["type", jsonColumn("string", false)],
  ["atom", jsonColumn("unknown", true)],
  ["id", jsonColumn("number", false)],
  ["parent", jsonColumn("number", true)],
  ["fullkey", jsonColumn("string", false)],
  ["path", jsonColumn("string", false)],
];

export class Relations implements SubqueryColumns {
  readonly typer = new ExprTyper(this);
  private readonly views = new Map<string, readonly RelColumn[]>();
  /** Told every star the statement being analysed expands (views' own stars are not its text). */
  onStar: ((e: StarExpansion) => void) | null = null;

  constructor(private readonly ctx: RelationsContext) {}

  subqueryColumns(select: Select, outer: Scope): readonly ValueType[] {
    return this.selectColumns(select, outer, outer.env).map((c) => c.type);
  }

  selectColumns(select: Select, outer: Scope | null, env: CteEnv): RelColumn[] {
    return this.bodyColumns(select.body, outer, this.defineCtes(select.ctes, outer, env));
  }

  /** Defines each CTE in a new environment; a recursive one is typed from its anchor, then refined. */
  defineCtes(ctes: readonly Cte[], outer: Scope | null, env: CteEnv): CteEnv {
    if (ctes.length === 0) return env;
    const inner = new CteEnv(env);
    for (const cte of ctes) {
      if (cte.select === null) {
        inner.define(cte.name, []);
        continue;
      }
      const rename = (cols: RelColumn[]) => cols.map((c, i) => ({ ...c, name: cte.columns?.[i] ?? c.name }));
      let anchor = cte.select.body;
      while (anchor.kind === "compound") anchor = anchor.left;
      inner.define(cte.name, rename(this.bodyColumns(anchor, outer, inner)));
      // Two rounds reach the fixpoint for nullability: a recursive step can only widen it.
      for (let round = 0; round < 2; round++) inner.define(cte.name, rename(this.selectColumns(cte.select, outer, inner)));
    }
    return inner;
  }

  scopeFor(from: FromItem | null, outer: Scope | null, env: CteEnv): Scope {
    return new Scope(from ? this.relationsOf(from, null, outer, env) : [], outer, env);
  }

  tableRelation(name: string, alias: string | null, env: CteEnv): Relation {
    const cte = env.find(name);
    if (cte) return { name: alias ?? name, table: null, columns: cte, nullable: false, starExcluded: none };
    const table = this.ctx.catalog.table(name);
    return { name: alias ?? name, table: table ?? null, columns: table ? this.tableColumns(table) : [], nullable: false, starExcluded: none };
  }

  /** Expands `*`, `t.*` and `sqlc.embed(t)`, and types each expression. */
  outputColumns(columns: readonly ResultColumn[], scope: Scope, aggregateWithoutGroup: boolean): OutputColumn[] {
    return columns.flatMap((c): OutputColumn[] => {
      switch (c.kind) {
        case "star":
          this.recordStar(c.span, scope, scope.relations);
          return scope.relations.flatMap((r) => this.starColumns(scope, r, c.span, null));
        case "table_star": {
          const r = scope.relation(c.table);
          if (r) this.recordStar(c.span, scope, [r]);
          return r ? this.starColumns(scope, r, c.span, null) : [];
        }
        case "embed": {
          const r = scope.relation(c.table);
          if (r) this.recordStar(c.span, scope, [r]);
          return r ? this.starColumns(scope, r, c.span, { relation: r, alias: c.alias }) : [];
        }
        case "expr": {
          const t = this.typer.infer(c.expr, scope);
          // A bare column next to an aggregate, with no GROUP BY: one row even when none match, NULL then.
          const bare = !t.nullable && aggregateWithoutGroup && c.expr.kind === "column";
          const why = bare ? "bare column of an aggregate query without GROUP BY: NULL when no row matches" : t.why;
          const name = c.alias ?? (c.expr.kind === "column" ? c.expr.column : this.ctx.textOf(c.expr.span));
          const unaliased = c.alias === null && c.expr.kind !== "column" ? c.expr : null;
          return [{ name, type: withNullable(t, t.nullable || bare, why), table: t.origin?.table ?? null, column: t.origin?.column ?? null, hidden: false, span: c.span, embed: null, unknownFunction: t.unknownFunction ?? null, unaliased }];
        }
      }
    });
  }

  coreScope(core: SelectCore, outer: Scope | null, env: CteEnv): Scope {
    const scope = new Scope(core.from ? this.relationsOf(core.from, null, outer, env) : [], outer, env, core.groupBy.length > 0);
    proveByWhere(core.where, scope);
    return scope;
  }

  private bodyColumns(body: SelectBody, outer: Scope | null, env: CteEnv): RelColumn[] {
    switch (body.kind) {
      case "core":
        return this.outputColumns(body.columns, this.coreScope(body, outer, env), aggregatesWithoutGroup(body));
      case "values": {
        const scope = new Scope([], outer, env);
        const rows = body.rows.map((row) => row.map((e) => this.typer.infer(e, scope)));
        return (rows[0] ?? []).map((_, i) => ({
          name: `column${i + 1}`,
          type: branchType(rows.map((r) => r[i]), "VALUES row", "no VALUES row holds NULL here"),
          table: null,
          column: null,
          hidden: false,
        }));
      }
      case "compound": {
        const left = this.bodyColumns(body.left, outer, env);
        const right = this.bodyColumns(body.right, outer, env);
        return left.map((l, i) => {
          const r = right[i] ?? l;
          const sameOrigin = l.table === r.table && l.column === r.column;
          return {
            ...l,
            type: branchType([l.type, r.type], `${body.op.toUpperCase()} branch`, `no ${body.op.toUpperCase()} branch is NULL here`),
            table: sameOrigin ? l.table : null,
            column: sameOrigin ? l.column : null,
          };
        });
      }
    }
  }

  /** `nullable`: why this item is on the optional side of an outer join, or null when it is not. */
  private relationsOf(from: FromItem, nullable: string | null, outer: Scope | null, env: CteEnv): Relation[] {
    const withNull = (r: Relation): Relation => (nullable !== null ? { ...r, nullable: true, nullableWhy: nullable } : r);
    switch (from.kind) {
      case "table":
        return [withNull(this.tableRelation(from.name, from.alias, env))];
      case "table_function": {
        const columns = from.name === "json_each" || from.name === "json_tree" ? jsonEachColumns.map(([name, type]) => ({ name, type, table: null, column: null, hidden: false })) : [];
        return [withNull({ name: from.alias ?? from.name, table: null, columns, nullable: false, starExcluded: none })];
      }
      case "subquery":
        return [withNull({ name: from.alias ?? "", table: null, columns: this.selectColumns(from.select, outer, env), nullable: false, starExcluded: none })];
      case "join": {
        const side = (which: "left" | "right", item: FromItem) => `${which} side of ${from.op.toUpperCase()} JOIN \`${fromText(item)}\``;
        const left = this.relationsOf(from.left, nullable ?? (from.op === "right" || from.op === "full" ? side("left", from.left) : null), outer, env);
        const right = this.relationsOf(from.right, nullable ?? (from.op === "left" || from.op === "full" ? side("right", from.right) : null), outer, env);
        const shared = from.natural ? naturalColumns(left, right) : from.using.map((u) => u.toLowerCase());
        if (shared.length === 0) return [...left, ...right];
        return [...left, ...right.map((r) => ({ ...r, starExcluded: new Set([...r.starExcluded, ...shared]) }))];
      }
    }
  }

  private starColumns(scope: Scope, r: Relation, span: Span, embed: EmbedGroup | null): OutputColumn[] {
    return starVisible(r).map((c) => ({ ...c, type: scope.resultType({ relation: r, column: c }), span, embed, unknownFunction: null, unaliased: null }));
  }

  /**
   * The columns a star stands for, by name, so that what runs never depends on the live table's
   * column order. Qualified when the scope has several relations. Left as written when names cannot
   * say it: columns unknown or repeated, an unnamed subquery beside others, USING/NATURAL joins
   * (whose shared column `*` may read from either side).
   */
  private recordStar(span: Span, scope: Scope, relations: readonly Relation[]): void {
    if (this.onStar === null) return;
    const qualify = scope.relations.length > 1;
    if (scope.relations.some((r) => r.starExcluded.size > 0)) return;
    const names: string[] = [];
    for (const r of relations) {
      const visible = starVisible(r);
      const distinct = new Set(visible.map((c) => c.name.toLowerCase())).size === visible.length;
      if (visible.length === 0 || !distinct || (qualify && r.name === "")) return;
      for (const c of visible) names.push(qualify ? `${quoteName(r.name)}.${quoteName(c.name)}` : quoteName(c.name));
    }
    this.onStar({ span, text: names.join(", ") });
  }

  private tableColumns(table: CatalogTable): readonly RelColumn[] {
    if (table.kind === "view") return this.viewColumns(table);
    return table.columns.map((c) => ({
      name: c.name,
      type: withNullable(this.ctx.columnTypes.of(table, c), !c.notNull, declaredWhy(c)),
      table: table.name,
      column: c.name,
      hidden: c.hidden,
    }));
  }

  /** A view's columns take the names SQLite reports and the types its SELECT infers. */
  private viewColumns(view: CatalogTable): readonly RelColumn[] {
    const cached = this.views.get(view.name);
    if (cached) return cached;
    this.views.set(view.name, []); // guards against a view that (indirectly) reads itself
    const select = view.sql === null ? null : this.ctx.parseView(view.sql);
    const onStar = this.onStar;
    this.onStar = null;
    let inferred: RelColumn[];
    try {
      inferred = select ? this.selectColumns(select, null, new CteEnv(null)) : [];
    } finally {
      this.onStar = onStar;
    }
    const columns = view.columns.map((c, i): RelColumn => {
      const from = inferred[i];
      const declared = tsTypeOfDeclared(c.declType);
      return {
        name: c.name,
        type:
          from && (declared === "unknown" || declared === from.type.ts)
            ? withNullable(from.type, from.type.nullable, `view ${view.name}: ${from.type.why ?? "as its SELECT gives it"}`)
            : { ts: declared, nullable: from?.type.nullable ?? true, why: from === undefined ? "view column sqlgen cannot trace" : `view ${view.name}: ${from.type.why ?? "as its SELECT gives it"}` },
        table: from?.table ?? null,
        column: from?.column ?? null,
        hidden: false,
      };
    });
    this.views.set(view.name, columns);
    return columns;
  }
}

function starVisible(r: Relation): readonly RelColumn[] {
  return r.columns.filter((c) => !c.hidden && !r.starExcluded.has(c.name.toLowerCase()));
}

function naturalColumns(left: readonly Relation[], right: readonly Relation[]): string[] {
  const leftNames = new Set(left.flatMap((r) => r.columns.map((c) => c.name.toLowerCase())));
  return right.flatMap((r) => r.columns.map((c) => c.name.toLowerCase())).filter((n) => leftNames.has(n));
}

/** The nullability of values that may come from any of `types`, with the first nullable one's reason. */
/** The type branches (VALUES rows, compound SELECTs) share, nullable when one is. */
function branchType(types: readonly ValueType[], source: string, notNull: string): ValueType {
  const n = eitherNullable(types, source, notNull);
  return commonValueType(types, n.nullable, n.why ?? notNull);
}

function eitherNullable(types: readonly ValueType[], source: string, notNull: string): Pick<ValueType, "nullable" | "why"> {
  const first = types.find((t) => t.nullable);
  return first === undefined ? { nullable: false, why: notNull } : { nullable: true, why: `a ${source}: ${first.why ?? "may be NULL"}` };
}

/** Why a table column is or is not nullable, from its declaration. */
function declaredWhy(c: CatalogColumn): string {
  if (c.notNull) return c.primaryKey ? "NOT NULL primary key column" : "column declared NOT NULL";
  return c.primaryKey ? "column has no NOT NULL (a PRIMARY KEY of a rowid table may hold NULL)" : "column has no NOT NULL";
}

/** A FROM item as the user wrote it, roughly: `folders f`, `(…) sub`, `a JOIN b`. */
function fromText(item: FromItem): string {
  switch (item.kind) {
    case "table":
      return item.alias === null ? item.name : `${item.name} ${item.alias}`;
    case "table_function":
      return item.alias ?? item.name;
    case "subquery":
      return `(…)${item.alias === null ? "" : ` ${item.alias}`}`;
    case "join":
      return `${fromText(item.left)} JOIN ${fromText(item.right)}`;
  }
}

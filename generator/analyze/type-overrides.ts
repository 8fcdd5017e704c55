/**
 * sqlc's type overrides, applied to what analysis inferred: a `column` override ("table.column",
 * `*` matching any name) types that column wherever it is read (models, result columns, embeds);
 * a `db_type` override types every column declared with that type, NOT NULL ones only unless its
 * `nullable` is set, as sqlc does. A parameter whose type comes from a column (stored in it,
 * compared with it) takes that column's override too. An override is applied only where the value SQLite returns
 * already has that type (or a boolean's 0/1, or an unknown): reading an INTEGER as a string would
 * be a lie. Nullability is never narrowed: a column that may be NULL stays `| null`. A column sqlgen
 * already maps (a CHECK's literal union, a type option) keeps that mapping.
 */
import type { DiagnosticBag, Span } from "../diagnostics/diagnostic.js";
import type { ModelIR, ModuleIR, ValueType } from "../ir/query-ir.js";
import { findColumn, type Catalog } from "../schema/catalog.js";

export interface TypeOverride {
  /** Lower-case declared type (sqlc's `db_type`), or null for a column override. */
  readonly dbType: string | null;
  /** "table.column" pattern, lower case, `*` any name (sqlc's `column`), or null for a db_type override. */
  readonly column: string | null;
  /** sqlc's `nullable`: a db_type override applies to columns that may be NULL (and only those). */
  readonly nullable: boolean;
  readonly type: ValueType;
  /** Where it is written (the config file and the override's span), for messages. */
  readonly file: string;
  readonly span: Span;
}

export function applyOverrides(models: readonly ModelIR[], modules: readonly ModuleIR[], overrides: readonly TypeOverride[], catalog: Catalog, bag: DiagnosticBag): { models: ModelIR[]; modules: ModuleIR[] } {
  if (overrides.length === 0) return { models: [...models], modules: [...modules] };
  const refused = new Set<TypeOverride>();
  const typed = (table: string | null, column: string | null, inferred: ValueType): ValueType => {
    if (table === null || column === null) return inferred;
    const o = overrideOf(overrides, catalog, table, column, inferred.nullable);
    if (o === undefined) return inferred;
    // A column sqlgen already maps (a CHECK's literal union, a type option) keeps its mapping.
    if (inferred.mapping !== undefined || inferred.brand !== undefined) return inferred;
    if (!fits(inferred.ts, o.type.ts)) {
      if (!refused.has(o)) bag.report("SG018", `${table}.${column} is read as ${inferred.ts}, not ${o.type.ts}: this override is not applied there`, o.file, o.span, ["Overrides can type unknown values, and numbers as booleans; converting values waits for sqlgen's type options."]);
      refused.add(o);
      return inferred;
    }
    return { ts: o.type.ts, nullable: inferred.nullable || o.type.nullable };
  };
  return {
    models: models.map((m) => ({ ...m, fields: m.fields.map((f) => ({ ...f, type: typed(m.table, f.column, f.type) })) })),
    modules: modules.map((mod) => ({
      ...mod,
      queries: mod.queries.map((q) => {
        const at = (index: number, type: ValueType) => typed(q.columns[index]?.table ?? null, q.columns[index]?.column ?? null, type);
        const params = q.params.map((p) => ({ ...p, type: typed(p.column?.table ?? null, p.column?.column ?? null, p.type) }));
        const r = q.result;
        if (r.kind === "none") return { ...q, params };
        if (r.kind === "scalar") return { ...q, params, result: { ...r, type: at(0, r.type) } };
        const fields = r.fields.map((f) => (f.kind === "column" ? { ...f, type: at(f.index, f.type) } : { ...f, fields: f.fields.map((x) => ({ ...x, type: at(x.index, x.type) })) }));
        return { ...q, params, result: { ...r, fields } };
      }),
    })),
  };
}

/** Column overrides first, then db_type ones; within each, the first listed wins, as in sqlc. */
function overrideOf(overrides: readonly TypeOverride[], catalog: Catalog, table: string, column: string, nullable: boolean): TypeOverride | undefined {
  const name = `${table}.${column}`.toLowerCase();
  const byColumn = overrides.find((o) => o.column !== null && globMatches(o.column, name));
  if (byColumn !== undefined) return byColumn;
  const t = catalog.table(table);
  const declared = t === undefined ? undefined : findColumn(t, column)?.declType?.toLowerCase();
  return declared === undefined ? undefined : overrides.find((o) => o.dbType === declared && o.nullable === nullable);
}

function globMatches(pattern: string, name: string): boolean {
  const source = pattern.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join("[^.]*");
  return new RegExp(`^${source}$`).test(name);
}

/** Whether a value SQLite returns as `from` may be typed `to` without converting it. */
function fits(from: ValueType["ts"], to: ValueType["ts"]): boolean {
  return from === to || from === "unknown" || (from === "number" && to === "boolean") || (from === "boolean" && to === "number");
}

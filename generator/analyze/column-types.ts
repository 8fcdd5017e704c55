/**
 * What each table column reads as in TypeScript: its declared type's storage class, then what
 * sqlgen.json's `types` asks for (by column, else by declared type), else what a referenced
 * column has (a foreign key shares its parent's brand and mapping), else the literals its
 * `CHECK (col IN (…))` allows. Resolved once per run; relations and models read it.
 */
import type { TypeOption, TypeMappingOption } from "../config/type-options.js";
import type { DiagnosticBag } from "../diagnostics/diagnostic.js";
import type { Brand, TsType, TypeMapping, ValueType } from "../ir/query-ir.js";
import type { Catalog, CatalogColumn, CatalogTable } from "../schema/catalog.js";
import { findColumn } from "../schema/catalog.js";
import { pascalCase } from "./naming.js";
import { singular } from "./singular.js";
import { tsTypeOfDeclared } from "./type-map.js";

type Own = Omit<ValueType, "nullable">;

export class ColumnTypes {
  private readonly resolved = new Map<string, Own>();
  private readonly byColumn = new Map<string, TypeOption>();
  private readonly byDeclared = new Map<string, TypeOption>();

  constructor(private readonly catalog: Catalog, options: readonly TypeOption[], private readonly bag: DiagnosticBag) {
    for (const o of options) {
      if (o.target.includes(".")) this.byColumn.set(o.target.toLowerCase(), o);
      else this.byDeclared.set(o.target.toUpperCase(), o);
    }
    this.checkTargets(options);
  }

  /** A table column's type; views' columns are typed by analysing the view. */
  of(table: CatalogTable, column: CatalogColumn): ValueType {
    return { ...this.own(table, column, new Set()), nullable: !column.notNull };
  }

  /** Every brand in use, with the type it brands (declared once, in models.ts). */
  brands(): { brand: Brand; base: ValueType }[] {
    const out = new Map<string, { brand: Brand; base: ValueType }>();
    for (const t of this.catalog.tables) {
      if (t.kind === "view") continue;
      for (const c of t.columns) {
        const { brand, ...base } = this.own(t, c, new Set());
        if (brand && !out.has(brand.name)) out.set(brand.name, { brand, base: { ...base, nullable: false } });
      }
    }
    return [...out.values()].sort((a, b) => a.brand.name.localeCompare(b.brand.name));
  }

  private own(table: CatalogTable, column: CatalogColumn, visiting: Set<string>): Own {
    const key = `${table.name}.${column.name}`.toLowerCase();
    const known = this.resolved.get(key);
    if (known) return known;
    visiting.add(key);
    const ts = tsTypeOfDeclared(column.declType);
    const option = this.byColumn.get(key) ?? this.byDeclared.get(firstWord(column.declType));
    const parent = this.referenced(table, column, visiting);
    const mapping = option?.mapping ? this.mapping(option, option.mapping, ts, key) : (parent?.mapping ?? choices(column, ts));
    const brand: Brand | undefined = option?.brand ? { name: option.brand === true ? pascalCase(singular(table.name)) + pascalCase(column.name) : option.brand, column: key } : parent?.brand;
    const own: Own = { ts: mapping?.kind === "bigint" ? "number" : ts, ...(mapping ? { mapping } : {}), ...(brand ? { brand } : {}) };
    this.resolved.set(key, own);
    return own;
  }

  /** The column a single foreign key column points at, typed (cycles of references stop). */
  private referenced(table: CatalogTable, column: CatalogColumn, visiting: Set<string>): Own | null {
    for (const fk of table.foreignKeys) {
      const i = fk.from.findIndex((f) => f.toLowerCase() === column.name.toLowerCase());
      const parentTable = i >= 0 ? this.catalog.table(fk.table) : undefined;
      const parentColumn = parentTable && fk.to[i] ? findColumn(parentTable, fk.to[i]!) : undefined;
      if (!parentTable || !parentColumn || visiting.has(`${parentTable.name}.${parentColumn.name}`.toLowerCase())) continue;
      return this.own(parentTable, parentColumn, visiting);
    }
    return null;
  }

  private mapping(option: TypeOption, wanted: TypeMappingOption, ts: TsType, column: string): TypeMapping | undefined {
    const misfit = (why: string) => {
      this.bag.report("SG017", `${column} cannot be read as ${wanted.kind}: ${why}`, option.at?.file ?? null, option.at?.span ?? null, [
        "Type options convert a column's stored values; pick one that fits its declared type, or change the declared type.",
      ]);
      return undefined;
    };
    switch (wanted.kind) {
      case "bigint":
        return ts === "number" || ts === "unknown" ? wanted : misfit(`it is declared as ${ts}`);
      case "json":
        return ts === "string" || ts === "unknown" ? wanted : misfit(`JSON is stored as text, and it is declared as ${ts}`);
      case "date": {
        const encoding = wanted.encoding ?? (ts === "string" ? "iso" : ts === "number" ? "unixepoch" : null);
        if (encoding === null) return misfit(`give "encoding" ("iso", "sqlite", "unixepoch" or "unixepoch-ms"): its declared type does not say how dates are stored`);
        if ((encoding === "iso" || encoding === "sqlite") !== (ts === "string") && ts !== "unknown") return misfit(`"${encoding}" does not fit a column declared as ${ts}`);
        return { kind: "date", encoding };
      }
    }
  }

  /** Options must name a table and column, or a declared type, that exist. */
  private checkTargets(options: readonly TypeOption[]): void {
    const declared = new Set(this.catalog.tables.flatMap((t) => t.columns.map((c) => firstWord(c.declType))));
    for (const o of options) {
      const dot = o.target.indexOf(".");
      const table = dot < 0 ? undefined : this.catalog.table(o.target.slice(0, dot));
      const found = dot < 0 ? declared.has(o.target.toUpperCase()) : table !== undefined && table.kind !== "view" && findColumn(table, o.target.slice(dot + 1)) !== undefined;
      if (found) continue;
      const what = dot < 0 ? `no column is declared as ${o.target}` : table === undefined ? `there is no table ${o.target.slice(0, dot)}` : table.kind === "view" ? `${table.name} is a view (type its table's column)` : `${table.name} has no column ${o.target.slice(dot + 1)}`;
      this.bag.report("SG016", `type option "${o.target}": ${what}`, o.at?.file ?? null, o.at?.span ?? null, ['Keys of "types" are `table.column` or a declared type such as `DATETIME`.']);
    }
  }
}

function firstWord(declType: string | null): string {
  return (declType ?? "").trim().split(/[\s(]/)[0]!.toUpperCase();
}

/** CHECK (col IN (…)) literals, when they are of the column's own kind. */
function choices(column: CatalogColumn, ts: TsType): TypeMapping | undefined {
  const values = column.choices;
  if (values === null || values.length === 0) return undefined;
  const kind = typeof values[0] === "string" ? "string" : "number";
  return ts === kind ? { kind: "literals", values } : undefined;
}

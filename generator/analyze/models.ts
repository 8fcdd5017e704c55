import type { ModelIR } from "../ir/query-ir.js";
import { modelFields, pascalCase } from "./naming.js";
import type { Catalog, CatalogTable } from "../schema/catalog.js";
import type { Relations } from "./relations.js";
import { CteEnv, type RelColumn } from "./scope.js";

/** One model per table and view: the row `SELECT *` returns (views typed by analysing them). */
export function buildModels(catalog: Catalog, relations: Relations): ModelIR[] {
  const env = new CteEnv(null);
  return catalog.tables.map((t) => ({
    table: t.name,
    name: pascalCase(t.name),
    source: t.source,
    indexes: t.indexes.map((i) => ({ name: i.name, columns: i.columns, unique: i.unique, partial: i.partial })),
    fields: fieldsOf(t, relations.tableRelation(t.name, null, env).columns.filter((c) => !c.hidden)),
  }));
}

function fieldsOf(t: CatalogTable, columns: readonly RelColumn[]): ModelIR["fields"] {
  const fields = modelFields(columns.map((c) => c.name));
  return columns.map((c, i) => ({ column: c.name, field: fields[i], type: c.type, references: reference(t, c.name) }));
}

function reference(table: CatalogTable, column: string): ModelIR["fields"][number]["references"] {
  for (const fk of table.foreignKeys) {
    const i = fk.from.findIndex((f) => f.toLowerCase() === column.toLowerCase());
    if (i >= 0) return { table: fk.table, column: fk.to[i] || "rowid", onDelete: fk.onDelete };
  }
  return null;
}

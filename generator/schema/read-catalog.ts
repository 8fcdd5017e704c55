import type { AnalysisDb } from "../sqlite/analysis-db.js";
import { Catalog, type CatalogColumn, type CatalogForeignKey, type CatalogIndex, type CatalogTable } from "./catalog.js";

interface TableListRow { name: string; type: string; wr: number; strict: number }
interface XInfoRow { name: string; type: string; notnull: number; pk: number; hidden: number }

/** Reads tables, views and their columns, keys and indexes from SQLite's own pragmas. */
export function readCatalog(db: AnalysisDb): Catalog {
  const list = db.query(
    "SELECT name, type, wr, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' AND type IN ('table', 'view', 'virtual') ORDER BY name",
  ) as unknown as TableListRow[];
  const tables = list.map((t) => readTable(db, t));
  return new Catalog(tables);
}

function readTable(db: AnalysisDb, t: TableListRow): CatalogTable {
  const kind = t.type as CatalogTable["kind"];
  const strict = t.strict === 1;
  const withoutRowid = t.wr === 1;
  const info = db.query("SELECT name, type, \"notnull\", pk, hidden FROM pragma_table_xinfo(?)", [t.name]) as unknown as XInfoRow[];
  const pkCount = info.filter((c) => c.pk > 0).length;
  const columns: CatalogColumn[] = info.map((c) => ({
    name: c.name,
    declType: c.type === "" ? null : c.type,
    notNull: isNotNull(c, { strict, withoutRowid, pkCount, kind }),
    primaryKey: c.pk > 0,
    hidden: c.hidden === 1,
    generated: c.hidden === 2 || c.hidden === 3,
  }));
  const sql = kind === "view" ? ((db.query("SELECT sql FROM sqlite_schema WHERE type = 'view' AND name = ?", [t.name])[0]?.sql as string) ?? null) : null;
  return { name: t.name, kind, strict, withoutRowid, columns, foreignKeys: readForeignKeys(db, t.name), indexes: readIndexes(db, t.name), sql };
}

/**
 * SQLite allows NULL in a PRIMARY KEY column of an ordinary rowid table (a historical bug kept
 * for compatibility). Only the rowid alias (`INTEGER PRIMARY KEY`) and the key columns of STRICT
 * or WITHOUT ROWID tables are guaranteed non-null, besides columns declared NOT NULL.
 */
function isNotNull(c: XInfoRow, t: { strict: boolean; withoutRowid: boolean; pkCount: number; kind: string }): boolean {
  if (t.kind === "view") return false;
  if (c.notnull === 1) return true;
  if (c.pk === 0) return false;
  const rowidAlias = !t.withoutRowid && t.pkCount === 1 && c.type.toUpperCase() === "INTEGER";
  return rowidAlias || t.strict || t.withoutRowid;
}

function readForeignKeys(db: AnalysisDb, table: string): CatalogForeignKey[] {
  const rows = db.query('SELECT id, seq, "table" AS target, "from" AS src, "to" AS dst, on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq', [table]);
  const byId = new Map<number, { from: string[]; table: string; to: string[]; onDelete: string }>();
  for (const r of rows) {
    let fk = byId.get(r.id as number);
    if (fk === undefined) {
      fk = { from: [], table: r.target as string, to: [], onDelete: r.on_delete as string };
      byId.set(r.id as number, fk);
    }
    fk.from.push(r.src as string);
    fk.to.push((r.dst as string | null) ?? "");
  }
  return [...byId.values()];
}

function readIndexes(db: AnalysisDb, table: string): CatalogIndex[] {
  const rows = db.query("SELECT name, \"unique\", partial FROM pragma_index_list(?) ORDER BY name", [table]);
  return rows.map((r) => ({
    name: r.name as string,
    unique: r.unique === 1,
    partial: r.partial === 1,
    columns: db.query("SELECT name FROM pragma_index_info(?) ORDER BY seqno", [r.name]).map((c) => (c.name as string | null) ?? "<expr>"),
  }));
}

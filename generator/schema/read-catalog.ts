import type { DiagnosticBag } from "../diagnostics/diagnostic.js";
import { isSqliteError, type AnalysisDb } from "../sqlite/analysis-db.js";
import { errorSpan } from "../sqlite/error-span.js";
import { Catalog, type CatalogColumn, type CatalogForeignKey, type CatalogIndex, type CatalogTable } from "./catalog.js";
import { quoteName } from "../sqlite/quote-name.js";
import type { SchemaSources } from "./schema-sources.js";

interface TableListRow { name: string; type: string; wr: number; strict: number }
interface XInfoRow { name: string; type: string; notnull: number; pk: number; hidden: number }

/**
 * Reads tables, views and their columns, keys and indexes from SQLite's own pragmas. A view
 * SQLite cannot read (it names a missing table or column) is reported at its CREATE VIEW and left out.
 */
export function readCatalog(db: AnalysisDb, sources: SchemaSources, bag: DiagnosticBag): Catalog {
  const list = db.query(
    "SELECT name, type, wr, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' AND type IN ('table', 'view', 'virtual') ORDER BY name",
  ) as unknown as TableListRow[];
  const readable = list.filter((t) => t.type !== "view" || viewReads(db, t.name, sources, bag));
  return new Catalog(readable.map((t) => readTable(db, t, sources)));
}

function viewReads(db: AnalysisDb, name: string, sources: SchemaSources, bag: DiagnosticBag): boolean {
  const result = db.prepare(`SELECT * FROM ${quoteName(name)}`);
  if (!isSqliteError(result)) return true;
  const created = sources.statement(name);
  // The offset SQLite gives belongs to the probe, not to the view; the name it blames is looked up instead.
  const span = created === null ? null : errorSpan({ message: result.message, byteOffset: -1 }, created.sql, created.at.span.start);
  bag.report("SG102", `view ${name} cannot be read: ${result.message}`, created?.at.file ?? null, span, [
    "SQLite accepted the CREATE VIEW but cannot run it; fix the view (or the table it reads), and queries using it will be checked again.",
  ]);
  return false;
}

function readTable(db: AnalysisDb, t: TableListRow, sources: SchemaSources): CatalogTable {
  const kind = t.type as CatalogTable["kind"];
  const strict = t.strict === 1;
  const withoutRowid = t.wr === 1;
  const info = db.query("SELECT name, type, \"notnull\", pk, hidden FROM pragma_table_xinfo(?)", [t.name]) as unknown as XInfoRow[];
  const pkCount = info.filter((c) => c.pk > 0).length;
  const columns: CatalogColumn[] = info.map((c) => ({
    name: c.name,
    declType: c.type === "" ? null : c.type,
    notNull: isNotNull(c, { strict, withoutRowid, kind, rowidAlias: () => isRowidAlias(db, t.name, c.name) }, pkCount),
    primaryKey: c.pk > 0,
    hidden: c.hidden === 1,
    generated: c.hidden === 2 || c.hidden === 3,
    source: sources.column(t.name, c.name),
    choices: sources.choices(t.name, c.name),
  }));
  const sql = kind === "view" ? ((db.query("SELECT sql FROM sqlite_schema WHERE type = 'view' AND name = ?", [t.name])[0]?.sql as string) ?? null) : null;
  const source = sources.statement(t.name)?.at ?? null;
  return { name: t.name, kind, strict, withoutRowid, columns, foreignKeys: readForeignKeys(db, t.name), indexes: readIndexes(db, t.name), sql, source };
}

/**
 * SQLite allows NULL in a PRIMARY KEY column of an ordinary rowid table (a historical bug kept
 * for compatibility). Only the rowid alias and the key columns of STRICT or WITHOUT ROWID
 * tables are guaranteed non-null, besides columns declared NOT NULL.
 */
function isNotNull(c: XInfoRow, t: { strict: boolean; withoutRowid: boolean; kind: string; rowidAlias: () => boolean }, pkCount: number): boolean {
  if (t.kind === "view") return false;
  if (c.notnull === 1) return true;
  if (c.pk === 0) return false;
  if (t.strict || t.withoutRowid) return true;
  return pkCount === 1 && c.type.toUpperCase() === "INTEGER" && t.rowidAlias();
}

/**
 * Whether SQLite made the column an alias of the rowid. `INTEGER PRIMARY KEY DESC` is not one
 * (a quirk SQLite keeps), so SQLite is asked: reading an alias compiles to the Rowid opcode.
 */
function isRowidAlias(db: AnalysisDb, table: string, column: string): boolean {
  const program = db.query(`EXPLAIN SELECT ${quoteName(column)} FROM ${quoteName(table)} NOT INDEXED`);
  return program.some((op) => op.opcode === "Rowid") && !program.some((op) => op.opcode === "Column");
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

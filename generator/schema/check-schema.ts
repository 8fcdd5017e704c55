/**
 * Checks the applied schema with the runtime's rules, at the schema line that is wrong:
 * foreign keys as the runtime (foreign_keys=ON) will enforce them, and declared types that map
 * to no TypeScript type.
 */
import { nearest } from "../analyze/suggest.js";
import type { DiagnosticBag } from "../diagnostics/diagnostic.js";
import { tsTypeOfDeclared } from "../analyze/type-map.js";
import { isSqliteError, type AnalysisDb } from "../sqlite/analysis-db.js";
import { blamedName } from "../sqlite/error-span.js";
import type { Catalog, CatalogTable } from "./catalog.js";
import { quoteName } from "../sqlite/quote-name.js";
import type { SchemaSources } from "./schema-sources.js";

export function checkSchema(db: AnalysisDb, catalog: Catalog, sources: SchemaSources, bag: DiagnosticBag): void {
  for (const table of catalog.tables) {
    checkParentsExist(catalog, table, sources, bag);
    if (table.foreignKeys.length > 0) checkParentKeys(db, table, sources, bag);
    if (table.kind === "table") checkDeclaredTypes(table, sources, bag);
  }
}

/** A foreign key naming a table the schema does not create: every insert into the child fails. */
function checkParentsExist(catalog: Catalog, table: CatalogTable, sources: SchemaSources, bag: DiagnosticBag): void {
  for (const fk of table.foreignKeys) {
    if (catalog.table(fk.table) !== undefined) continue;
    const at = sources.references(table.name).find((r) => r.table.toLowerCase() === fk.table.toLowerCase())?.at ?? table.source;
    bag.report("SG103", `foreign key of ${table.name} references ${fk.table}, which does not exist`, at?.file ?? null, at?.span ?? null, [
      `Every insert into ${table.name} fails while foreign keys are on (as every runtime has them).`,
      suggestion(fk.table, catalog),
    ]);
  }
}

/**
 * SQLite checks a foreign key's parent (it exists; its columns are the PRIMARY KEY or UNIQUE)
 * only when a statement that writes the child is prepared, so one is prepared here: what fails
 * here would fail at the first insert at run time.
 */
function checkParentKeys(db: AnalysisDb, table: CatalogTable, sources: SchemaSources, bag: DiagnosticBag): void {
  const result = db.prepare(`INSERT INTO ${quoteName(table.name)} DEFAULT VALUES`);
  if (!isSqliteError(result)) return;
  // Missing parents are reported above; a mismatch naming another child is reported with that child.
  const child = /^foreign key mismatch - "(.+)" referencing/.exec(result.message)?.[1];
  if (child === undefined || child.toLowerCase() !== table.name.toLowerCase()) return;
  const parent = blamedName(result.message)?.name ?? "";
  const at = sources.references(table.name).find((r) => r.table.toLowerCase() === parent.toLowerCase())?.at ?? table.source;
  const notes = [
    `The columns a foreign key references must be the PRIMARY KEY of ${parent} or carry a UNIQUE constraint (or unique index) of their own; otherwise SQLite refuses every statement that writes ${table.name}.`,
    `Reference ${parent}'s primary key, or make the referenced column(s) UNIQUE.`,
  ];
  bag.report("SG103", `foreign key of ${table.name} cannot be enforced: ${result.message}`, at?.file ?? null, at?.span ?? null, notes);
}

function suggestion(parent: string, catalog: Catalog): string {
  const names = nearest(parent, catalog.tables.filter((t) => t.kind === "table").map((t) => t.name));
  return names.length ? `Did you mean ${names.join(", ")}?` : "Create the table, or reference one that exists.";
}

/** A declared type that maps to nothing known is most often a typo (`TXET`); its values would be `unknown`. */
function checkDeclaredTypes(table: CatalogTable, sources: SchemaSources, bag: DiagnosticBag): void {
  for (const column of table.columns) {
    // STRICT tables' ANY says on purpose that any value goes.
    if (column.declType === null || column.declType.toUpperCase() === "ANY" || tsTypeOfDeclared(column.declType) !== "unknown") continue;
    const at = sources.declaredColumn(table.name, column.name)?.type ?? column.source ?? table.source;
    bag.report("SG104", `column ${table.name}.${column.name} has type ${column.declType}, which maps to no TypeScript type`, at?.file ?? null, at?.span ?? null, [
      "Its values will be typed `unknown`. Is it a typo? Known types: INTEGER, TEXT, REAL, BLOB, BOOLEAN, NUMERIC, DATE/DATETIME/TIMESTAMP, JSON and names containing INT, CHAR, CLOB, TEXT, BLOB, REAL, FLOA or DOUB.",
    ]);
  }
}

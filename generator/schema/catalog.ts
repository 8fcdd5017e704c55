/** The schema as SQLite itself reports it after applying the user's schema files. */
import type { SourceSpan } from "../parse/schema-shape.js";

export interface CatalogColumn {
  readonly name: string;
  readonly declType: string | null;
  /** NULL can never be read from this column (see `isNotNull` in read-catalog). */
  readonly notNull: boolean;
  readonly primaryKey: boolean;
  /** Hidden columns (virtual-table hidden columns) are not part of `*`. */
  readonly hidden: boolean;
  readonly generated: boolean;
  /** The column's definition in the schema files, when sqlgen could read it. */
  readonly source: SourceSpan | null;
  /** The only values CHECK constraints allow (`CHECK (col IN (…))`), or null. */
  readonly choices: readonly (string | number)[] | null;
}

export interface CatalogForeignKey {
  readonly from: readonly string[];
  readonly table: string;
  readonly to: readonly string[];
  readonly onDelete: string;
}

export interface CatalogIndex {
  readonly name: string;
  readonly unique: boolean;
  readonly partial: boolean;
  readonly columns: readonly string[];
}

export interface CatalogTable {
  readonly name: string;
  readonly kind: "table" | "view" | "virtual";
  readonly strict: boolean;
  readonly withoutRowid: boolean;
  readonly columns: readonly CatalogColumn[];
  readonly foreignKeys: readonly CatalogForeignKey[];
  readonly indexes: readonly CatalogIndex[];
  /** The CREATE VIEW statement, for views: their columns' nullability comes from analysing it. */
  readonly sql: string | null;
  /** The statement that created it (file and span of the CREATE), when it came from the schema files. */
  readonly source: SourceSpan | null;
}

export class Catalog {
  private readonly byName = new Map<string, CatalogTable>();

  constructor(readonly tables: readonly CatalogTable[]) {
    for (const t of tables) this.byName.set(t.name.toLowerCase(), t);
  }

  table(name: string): CatalogTable | undefined {
    return this.byName.get(name.toLowerCase());
  }
}

export function findColumn(table: CatalogTable, name: string): CatalogColumn | undefined {
  const lower = name.toLowerCase();
  return table.columns.find((c) => c.name.toLowerCase() === lower);
}

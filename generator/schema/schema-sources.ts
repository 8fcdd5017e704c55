/** Which schema statement created each object, and where its columns are written. */
import type { AnalysisDb } from "../sqlite/analysis-db.js";
import type { DeclaredChoice, DeclaredColumn, DeclaredReference, DeclaredShape, SourceSpan } from "../parse/schema-shape.js";

/** The statement that created an object: where it is, and its text as given to SQLite. */
export interface CreatingStatement {
  readonly at: SourceSpan;
  readonly sql: string;
}

interface Entry {
  readonly statement: CreatingStatement;
  readonly columns: DeclaredColumn[];
  readonly references: DeclaredReference[];
  readonly choices: DeclaredChoice[];
}

export class SchemaSources {
  private known: ReadonlySet<string>;
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly db: AnalysisDb) {
    this.known = new Set(this.objects());
  }

  /** Records what a statement that SQLite just applied created, by asking SQLite what is new. */
  applied(at: SourceSpan, sql: string, shape: DeclaredShape): void {
    const now = this.objects();
    const created = now.filter((key) => !this.known.has(key));
    this.known = new Set(now);
    for (const key of created) {
      this.entries.set(key.slice(key.indexOf(":") + 1), { statement: { at, sql }, columns: [], references: [], choices: [] });
    }
    // CREATE TABLE adds the new table's columns; ALTER TABLE … ADD COLUMN one to an existing table.
    const entry = shape.table === null ? undefined : this.entries.get(shape.table.toLowerCase());
    entry?.columns.push(...shape.columns);
    entry?.references.push(...shape.references);
    entry?.choices.push(...shape.choices);
  }

  statement(object: string): CreatingStatement | null {
    return this.entries.get(object.toLowerCase())?.statement ?? null;
  }

  column(table: string, column: string): SourceSpan | null {
    return this.declaredColumn(table, column)?.at ?? null;
  }

  declaredColumn(table: string, column: string): DeclaredColumn | null {
    const lower = column.toLowerCase();
    return this.entries.get(table.toLowerCase())?.columns.find((c) => c.name.toLowerCase() === lower) ?? null;
  }

  /** The values CHECK constraints allow in a column (all of them, when several apply), or null. */
  choices(table: string, column: string): readonly (string | number)[] | null {
    const lower = column.toLowerCase();
    const sets = (this.entries.get(table.toLowerCase())?.choices ?? []).filter((c) => c.column.toLowerCase() === lower).map((c) => c.values);
    if (sets.length === 0) return null;
    return sets.reduce((kept, values) => kept.filter((v) => values.includes(v)));
  }

  references(table: string): readonly DeclaredReference[] {
    return this.entries.get(table.toLowerCase())?.references ?? [];
  }

  /** `type:name` (name lower-cased) of every object in the schema. */
  private objects(): string[] {
    // One JSON text rather than a row per object: this runs after every schema statement.
    const [row] = this.db.query("SELECT json_group_array(type || ':' || name) AS objects FROM sqlite_schema");
    return (JSON.parse(String(row?.objects ?? "[]")) as string[]).map((key) => key.toLowerCase());
  }
}

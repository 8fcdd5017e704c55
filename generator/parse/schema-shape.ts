/**
 * Where each schema object and column is written, so that later stages can point at schema
 * lines. SQLite applies the statements; this only reads their shape (names, column and
 * REFERENCES spans, CHECK lists) with sqlgen's parser, and gives up quietly on what it cannot read.
 */
import type { Span } from "../diagnostics/diagnostic.js";
import type * as A from "./ast.js";
import { StatementParser } from "./parse-statement.js";
import type { StatementChunk } from "./split-statements.js";
import { ParseError, stringValue } from "./token-cursor.js";

/** A place in a schema file. */
export interface SourceSpan {
  readonly file: string;
  readonly span: Span;
}

export interface DeclaredColumn {
  readonly name: string;
  readonly at: SourceSpan;
  /** The declared type's words, when written. */
  readonly type: SourceSpan | null;
}

/** `CHECK (column IN (literal, …))`: the only values the column can hold (besides NULL). */
export interface DeclaredChoice {
  readonly column: string;
  readonly values: readonly (string | number)[];
}

export interface DeclaredReference {
  /** The parent table as written after REFERENCES. */
  readonly table: string;
  /** The parent table's name token. */
  readonly at: SourceSpan;
}

/** What one schema statement says about the table (or view) it creates or alters. */
export interface DeclaredShape {
  /** The table a CREATE TABLE or ALTER TABLE names. */
  readonly table: string | null;
  readonly columns: readonly DeclaredColumn[];
  readonly references: readonly DeclaredReference[];
  readonly choices: readonly DeclaredChoice[];
}

const noShape: DeclaredShape = { table: null, columns: [], references: [], choices: [] };

/** What `chunk` declares; nothing when it cannot be read (positions are a courtesy, SQLite is the judge). */
export function declaredShape(file: string, chunk: StatementChunk): DeclaredShape {
  try {
    return new ShapeParser(file, chunk).shape();
  } catch (e) {
    if (e instanceof ParseError) return noShape;
    throw e;
  }
}

/** Words that end a column's type and start its constraints. */
const constraintWords = new Set(["CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE", "CHECK", "DEFAULT", "COLLATE", "REFERENCES", "GENERATED", "AS"]);
/** Words that start a table constraint rather than a column. */
const tableConstraintWords = new Set(["CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN"]);

class ShapeParser extends StatementParser {
  private readonly columns: DeclaredColumn[] = [];
  private readonly references: DeclaredReference[] = [];
  private readonly choices: DeclaredChoice[] = [];

  constructor(
    private readonly file: string,
    chunk: StatementChunk,
  ) {
    super(chunk.sql, chunk.start);
  }

  /** `CREATE [TEMP] TABLE … (definitions)` or `ALTER TABLE … [ADD [COLUMN] definition]`. */
  shape(): DeclaredShape {
    let table: string;
    if (this.eatWord("ALTER")) {
      this.expectWord("TABLE");
      table = this.qualifiedName();
      if (this.eatWord("ADD")) {
        this.eatWord("COLUMN");
        this.column();
      }
    } else {
      this.expectWord("CREATE");
      if (!this.eatWord("TEMP")) this.eatWord("TEMPORARY");
      if (!this.eatWord("TABLE")) return noShape;
      if (this.eatWord("IF")) {
        this.expectWord("NOT");
        this.expectWord("EXISTS");
      }
      table = this.qualifiedName();
      if (this.eatOp("(")) {
        do {
          if (tableConstraintWords.has(this.peek()?.upper ?? "")) this.constraints();
          else this.column();
        } while (this.eatOp(","));
      }
    }
    return { table, columns: this.columns, references: this.references, choices: this.choices };
  }

  /** `name [type [(size)]] constraints…`. */
  private column(): void {
    const start = this.here();
    const name = this.name();
    const typeStart = this.here();
    while ((this.peek()?.kind === "word" && !constraintWords.has(this.peek()!.upper)) || this.peek()?.kind === "name") this.pos++;
    if (this.here() > typeStart && this.isOp("(")) this.skipParens();
    const type = this.here() > typeStart ? this.at(typeStart) : null;
    this.constraints();
    this.columns.push({ name, at: this.at(start), type });
  }

  /** Constraints up to the next `,` or `)` at this level: CHECK lists and REFERENCES are recorded. */
  private constraints(): void {
    while (!this.atEnd() && !this.isOp(",") && !this.isOp(")")) {
      if (this.isWord("CHECK") && this.isOp("(", 1)) {
        this.pos += 2;
        const choice = choiceOf(this.expr());
        if (choice) this.choices.push(choice);
        this.expectOp(")");
      } else if (this.eatWord("REFERENCES")) {
        const start = this.here();
        this.references.push({ table: this.name(), at: this.at(start) });
      } else if (this.isOp("(")) this.skipParens();
      else this.pos++;
    }
  }

  private at(start: number): SourceSpan {
    return { file: this.file, span: this.spanFrom(start) };
  }
}

/** `col IN ('a', 'b')` or `col IN (1, 2)`; null for any other condition. */
function choiceOf(e: A.Expr): DeclaredChoice | null {
  if (e.kind !== "in_list" || e.not || e.left.kind !== "column" || e.items.length === 0) return null;
  const literals = e.items.flatMap((item) => (item.kind === "literal" ? [item] : []));
  if (literals.length !== e.items.length) return null;
  if (literals.every((l) => l.literal === "string")) return { column: e.left.column, values: literals.map((l) => stringValue(l.text)) };
  if (literals.every((l) => l.literal === "integer" || l.literal === "real")) return { column: e.left.column, values: literals.map((l) => Number(l.text.replaceAll("_", ""))) };
  return null;
}

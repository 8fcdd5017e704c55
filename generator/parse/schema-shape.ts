/**
 * Where each schema object and column is written, so that later stages can point at schema
 * lines. SQLite applies the statements; this only reads their shape (names, column and
 * REFERENCES spans) with the SQL parser, and gives up quietly on what it cannot parse.
 */
import type { Node } from "sql-parser-cst";
import { firstStatementCst } from "./cst-adapter.js";
import type { Span } from "../diagnostics/diagnostic.js";
import type { StatementChunk } from "./split-statements.js";

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

/** What `chunk` declares; nothing when the parser cannot read it (positions are a courtesy, SQLite is the judge). */
export function declaredShape(file: string, chunk: StatementChunk): DeclaredShape {
  return readShape(file, chunk, firstStatementCst(chunk.sql) ?? undefined);
}

function readShape(file: string, chunk: StatementChunk, statement: Node | undefined): DeclaredShape {
  const at = (n: Node): SourceSpan => ({ file, span: { start: chunk.start + n.range![0], end: chunk.start + n.range![1] } });
  const columns: DeclaredColumn[] = [];
  const references: DeclaredReference[] = [];
  const choices: DeclaredChoice[] = [];
  const visit = (n: Node): void => {
    if (n.type === "constraint_check") {
      const choice = choiceOf(n.expr);
      if (choice) choices.push(choice);
      return;
    }
    if (n.type === "column_definition") {
      columns.push({ name: n.name.name, at: at(n), type: n.dataType ? at(n.dataType) : null });
    } else if (n.type === "references_specification" && n.table.type === "identifier") {
      references.push({ table: n.table.name, at: at(n.table) });
      return;
    }
    for (const child of Object.values(n)) {
      if (Array.isArray(child)) for (const c of child) visitIfNode(c);
      else visitIfNode(child);
    }
  };
  const visitIfNode = (v: unknown): void => {
    if (typeof v === "object" && v !== null && typeof (v as { type?: unknown }).type === "string") visit(v as Node);
  };
  let table: Node | undefined;
  if (statement?.type === "create_table_stmt") table = statement.name;
  else if (statement?.type === "alter_table_stmt") table = statement.table;
  else return noShape;
  visit(statement);
  return { table: table.type === "identifier" ? table.name : null, columns, references, choices };
}

/** `col IN ('a', 'b')` or `col IN (1, 2)`, in parentheses or not; null for any other condition. */
function choiceOf(expr: Node): DeclaredChoice | null {
  const e = expr.type === "paren_expr" ? expr.expr : expr;
  if (e.type !== "binary_expr" || e.left.type !== "identifier" || e.right.type !== "paren_expr" || e.right.expr.type !== "list_expr") return null;
  const op = e.operator;
  if (typeof op !== "object" || Array.isArray(op) || op.type !== "keyword" || op.name !== "IN") return null;
  const values = e.right.expr.items.map((item) => (item.type === "string_literal" || item.type === "number_literal" ? item.value : null));
  if (values.length === 0 || values.some((v) => v === null)) return null;
  const strings = values.every((v) => typeof v === "string");
  const numbers = values.every((v) => typeof v === "number");
  return strings || numbers ? { column: e.left.name, values: values as (string | number)[] } : null;
}

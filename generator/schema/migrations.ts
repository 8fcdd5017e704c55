/**
 * The schema files as migrations for the generated `migrate()`: one per file, in order, holding the
 * statements of its "up" part (goose and dbmate "down" sections left out, their markers being
 * comments). Statements are split here, at generation time, so that every driver runs them one by
 * one: D1 has no way to run a script in a transaction, only a batch of statements.
 */
import { DiagnosticBag } from "../diagnostics/diagnostic.js";
import type { MigrationIR } from "../ir/query-ir.js";
import { splitStatements } from "../parse/split-statements.js";
import type { SourceFile } from "../source/source-file.js";
import { upPart } from "./apply-schema.js";

export function schemaMigrations(files: readonly SourceFile[]): MigrationIR[] {
  // Problems in the text were reported when the schema was applied: this bag is not read.
  const bag = new DiagnosticBag();
  return files.map((f) => ({ file: f.path, statements: splitStatements(upPart(f.text), f.path, bag).map((c) => c.sql).filter((sql) => sql !== "") }));
}

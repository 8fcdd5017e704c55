/** The whole pipeline up to the IR: read sources, apply the schema, analyse every query. */
import { analyzeQueryFiles } from "../analyze/analyze-files.js";
import { checkIdentifierClashes } from "../analyze/identifier-clashes.js";
import { buildModels } from "../analyze/models.js";
import { Relations } from "../analyze/relations.js";
import type { Options } from "../config/options.js";
import { DiagnosticBag } from "../diagnostics/diagnostic.js";
import type { ProgramIR } from "../ir/query-ir.js";
import { parseViewSelect } from "../parse/cst-adapter.js";
import { applySchema } from "../schema/apply-schema.js";
import { readSqlFiles } from "../source/read-sources.js";
import type { SourceFile } from "../source/source-file.js";
import { AnalysisDb } from "../sqlite/analysis-db.js";

export interface Analysis {
  readonly program: ProgramIR;
  readonly bag: DiagnosticBag;
  /** Every file read, by path, so diagnostics can quote their lines. */
  readonly files: ReadonlyMap<string, SourceFile>;
}

export async function analyzeProject(options: Options): Promise<Analysis> {
  const bag = new DiagnosticBag();
  const schemaFiles = readSqlFiles(options.cwd, options.schema, "schema", bag);
  const queryFiles = readSqlFiles(options.cwd, options.queries, "queries", bag);
  const db = await AnalysisDb.open();
  try {
    const catalog = applySchema(db, schemaFiles, bag);
    const modules = analyzeQueryFiles(db, catalog, queryFiles, options.queries, bag);
    const relations = new Relations({ catalog, textOf: () => "", parseView: parseViewSelect });
    const models = buildModels(catalog, relations);
    checkIdentifierClashes(modules, models, bag);
    const program: ProgramIR = { schemaSources: schemaFiles.map((f) => f.path), models, modules };
    const files = new Map([...schemaFiles, ...queryFiles].map((f) => [f.path, f]));
    return { program, bag, files };
  } finally {
    db.close();
  }
}

/**
 * The pipeline as one pure function: source texts in; the IR, every diagnostic and the output files
 * out. No file system, no console, no exit: the CLI, watch mode, tests and tools (editors, bundler
 * plugins) all call this and do their own I/O.
 */
import { analyzeQueryFiles } from "../analyze/analyze-files.js";
import { checkIdentifierClashes } from "../analyze/identifier-clashes.js";
import { buildModels } from "../analyze/models.js";
import { Relations } from "../analyze/relations.js";
import { DiagnosticBag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { emitProgram, type OutputFiles } from "../emit/emit-program.js";
import type { ProgramIR } from "../ir/query-ir.js";
import { parseViewSelect } from "../parse/cst-adapter.js";
import { applySchema } from "../schema/apply-schema.js";
import type { SourceFile } from "../source/source-file.js";
import { AnalysisDb } from "../sqlite/analysis-db.js";
import { defaultDriver, drivers, type Driver } from "../targets/drivers.js";
import { ColumnTypes } from "../analyze/column-types.js";
import type { TypeOption } from "../config/type-options.js";
import { checkBigintSupport, checkVariableLimits } from "../analyze/variable-limits.js";

export interface GenerateInput {
  /** Schema files, applied in this order (like migrations). */
  readonly schema: readonly SourceFile[];
  /** Query files; each becomes one output module. */
  readonly queries: readonly SourceFile[];
  readonly options?: GenerateOptions;
}

export interface GenerateOptions {
  /** The folder query paths are relative to, for module names (`queries/admin/users.sql` → `admin-users.ts`). */
  readonly queriesRoot?: string;
  /** Print the output files (the default); `false` stops after analysis, as `describe` does. */
  readonly emit?: boolean;
  /** The driver generated code runs on: its SQLite is the one queries are checked against. */
  readonly driver?: Driver;
  /** sqlgen.json's `types`: what columns read as (bigint, Date, JSON, brands). */
  readonly types?: readonly TypeOption[];
}

export interface GenerateResult {
  readonly program: ProgramIR;
  readonly diagnostics: readonly Diagnostic[];
  /** Output files by name, relative to the output folder; null when there are errors or emit is off. */
  readonly files: OutputFiles | null;
}

export async function generate(input: GenerateInput): Promise<GenerateResult> {
  const bag = new DiagnosticBag();
  checkPaths([...input.schema, ...input.queries], bag);
  const driver = drivers[input.options?.driver ?? defaultDriver];
  const db = await AnalysisDb.open(driver.capabilities);
  let program: ProgramIR;
  try {
    const catalog = applySchema(db, input.schema, bag);
    const columnTypes = new ColumnTypes(catalog, input.options?.types ?? [], bag);
    const models = buildModels(catalog, new Relations({ catalog, textOf: () => "", parseView: parseViewSelect, columnTypes }));
    const modules = analyzeQueryFiles(db, catalog, columnTypes, models, input.queries, input.options?.queriesRoot ?? "", bag);
    checkIdentifierClashes(modules, models, bag);
    checkVariableLimits(modules, driver, bag);
    checkBigintSupport(input.options?.types ?? [], driver, bag);
    program = { schemaSources: input.schema.map((f) => f.path), brands: columnTypes.brands(), models, modules };
  } finally {
    db.close();
  }
  if (bag.hasErrors || input.options?.emit === false) return { program, diagnostics: bag.all, files: null };
  return { program, diagnostics: bag.all, files: emitProgram(program, driver) };
}

/** A path is quoted into generated comments and diagnostics: control characters there are refused. */
function checkPaths(files: readonly SourceFile[], bag: DiagnosticBag): void {
  for (const f of files) {
    if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(f.path)) {
      bag.report("SG010", `file name ${JSON.stringify(f.path)} contains a control character or line break`, null, null, ["Rename the file: its name is quoted in generated code and in messages."]);
    }
  }
}

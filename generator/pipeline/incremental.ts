/**
 * Generation for long-lived callers (`gen watch`, the language server). A session keeps the applied
 * schema (one open analysis database, its catalog and models) and each query file's analysis, and
 * on `update` re-analyses only what changed: a query file whose text changed, or every query file
 * when the schema, the driver, the type options or the queries root changed. Its result is the same as a cold
 * `generate()` on the same input; `generate()` itself is a session used once.
 */
import { analyzeQueryFile, type TakenNames } from "../analyze/analyze-files.js";
import { checkIdentifierClashes } from "../analyze/identifier-clashes.js";
import { buildModels } from "../analyze/models.js";
import { Relations } from "../analyze/relations.js";
import { ColumnTypes } from "../analyze/column-types.js";
import { checkBigintSupport, checkVariableLimits } from "../analyze/variable-limits.js";
import { DiagnosticBag } from "../diagnostics/diagnostic.js";
import type { ModelIR, ModuleIR, ProgramIR } from "../ir/query-ir.js";
import { emitProgram, type OutputFiles } from "../emit/emit-program.js";
import { withImportExtension } from "../emit/import-extension.js";
import { applyNames } from "../analyze/apply-names.js";
import { applyOverrides } from "../analyze/type-overrides.js";
import { schemaMigrations } from "../schema/migrations.js";
import { parseViewSelect } from "../parse/parse-statement.js";
import type { Catalog } from "../schema/catalog.js";
import { applySchema } from "../schema/apply-schema.js";
import type { SourceFile } from "../source/source-file.js";
import { AnalysisDb } from "../sqlite/analysis-db.js";
import { defaultDriver, drivers, type DriverProfile } from "../targets/drivers.js";
import type { GenerateInput, GenerateResult } from "./generate.js";

/** The applied schema, valid while the schema files, the driver and the type options read the same. */
interface SchemaState {
  readonly key: string;
  readonly db: AnalysisDb;
  readonly catalog: Catalog;
  readonly columnTypes: ColumnTypes;
  readonly brands: ProgramIR["brands"];
  readonly models: ModelIR[];
  readonly diagnostics: DiagnosticBag;
}

/**
 * One query file's analysis. Besides its text, it depends on the query names earlier files took
 * (a repeated name is SG205): `names` records what it read and wrote there, in order.
 */
interface FileState {
  readonly key: string;
  readonly module: ModuleIR;
  readonly diagnostics: DiagnosticBag;
  readonly names: readonly NameEvent[];
}

type NameEvent = { readonly name: string; readonly read: string | undefined } | { readonly name: string; readonly wrote: string };

export class GenerateSession {
  private schema: SchemaState | null = null;
  private files = new Map<string, FileState>();
  /** Each module's output text, for modules of the current schema and driver. */
  private moduleTexts = new WeakMap<ModuleIR, string>();
  /**
   * An analysed module → the module after overrides and names: the same object while the analysed
   * one is reused (names and overrides depend on the module and the schema only), so its text is too.
   */
  private finished = new WeakMap<ModuleIR, ModuleIR>();
  /** Updates run one at a time: they share one database. */
  private queue: Promise<unknown> = Promise.resolve();

  /** The result for the whole project as it is now (every file, changed or not). */
  update(input: GenerateInput): Promise<GenerateResult> {
    const run = this.queue.then(() => this.run(input));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Frees the analysis database; a later update starts cold. */
  close(): void {
    this.schema?.db.close();
    this.schema = null;
    this.files.clear();
    this.moduleTexts = new WeakMap();
    this.finished = new WeakMap();
  }

  private async run(input: GenerateInput): Promise<GenerateResult> {
    const bag = new DiagnosticBag();
    checkPaths([...input.schema, ...input.queries], bag);
    const driver = drivers[input.options?.driver ?? defaultDriver];
    let program: ProgramIR;
    try {
      const schema = await this.applied(input);
      bag.addAll(schema.diagnostics);
      const taken = new Map<string, string>();
      const root = input.options?.queriesRoot ?? "";
      const analysed = input.queries.map((file) => this.analysed(schema, file, root, taken, bag));
      const paths = new Set(input.queries.map((f) => f.path));
      for (const path of this.files.keys()) if (!paths.has(path)) this.files.delete(path);
      const typed = applyOverrides(schema.models, analysed, input.options?.overrides ?? [], schema.catalog, bag);
      const named = applyNames(typed.models, typed.modules, input.options?.naming ?? {}, bag);
      const modules = named.modules.map((m, i) => this.finished.get(analysed[i]!) ?? (this.finished.set(analysed[i]!, m), m));
      checkIdentifierClashes(modules, named.models, bag);
      checkVariableLimits(modules, driver, bag);
      checkBigintSupport(input.options?.types ?? [], driver, bag);
      program = { schemaSources: input.schema.map((f) => f.path), brands: schema.brands, models: named.models, modules, migrations: schemaMigrations(input.schema) };
    } catch (e) {
      // A bug half-way leaves no state behind that a later run could trust.
      this.close();
      throw e;
    }
    if (bag.hasErrors || input.options?.emit === false) return { program, diagnostics: bag.all, files: null };
    return { program, diagnostics: bag.all, files: withImportExtension(this.emitted(program, driver), input.options?.importExtension ?? ".js") };
  }

  /**
   * The output files. A query module's text depends on its ModuleIR and the driver only, so the
   * text of a module reused from the cache is reused too; the rest (db.ts, models.ts, index.ts and
   * the order of files) comes from emitting the program with every module emptied. A cold run
   * emits once, as before.
   */
  private emitted(program: ProgramIR, driver: DriverProfile): OutputFiles {
    const fresh = program.modules.filter((m) => !this.moduleTexts.has(m));
    const printed = emitProgram({ ...program, modules: fresh }, driver);
    for (const m of fresh) this.moduleTexts.set(m, printed.get(m.fileName)!);
    if (fresh.length === program.modules.length) return printed;
    const skeleton = emitProgram({ ...program, modules: program.modules.map((m) => ({ ...m, queries: [] })) }, driver);
    const texts = new Map(program.modules.map((m) => [m.fileName, this.moduleTexts.get(m)!]));
    return new Map([...skeleton].map(([name, text]) => [name, texts.get(name) ?? text]));
  }

  private async applied(input: GenerateInput): Promise<SchemaState> {
    const driver = input.options?.driver ?? defaultDriver;
    const types = input.options?.types ?? [];
    // Overrides and names are part of the key: a module finished under others is not reused.
    const key = JSON.stringify([driver, types, input.options?.overrides ?? [], input.options?.naming ?? {}, input.schema.map((f) => [f.path, f.text])]);
    if (this.schema?.key === key) return this.schema;
    this.close();
    const db = await AnalysisDb.open(drivers[driver].capabilities);
    try {
      const diagnostics = new DiagnosticBag();
      const catalog = applySchema(db, input.schema, diagnostics);
      const columnTypes = new ColumnTypes(catalog, types, diagnostics);
      const models = buildModels(catalog, new Relations({ catalog, textOf: () => "", parseView: parseViewSelect, columnTypes }));
      this.schema = { key, db, catalog, columnTypes, brands: columnTypes.brands(), models, diagnostics };
      return this.schema;
    } catch (e) {
      db.close();
      throw e;
    }
  }

  /** The file's module from the cache when its text, root and the names before it are unchanged. */
  private analysed(schema: SchemaState, file: SourceFile, root: string, taken: Map<string, string>, bag: DiagnosticBag): ModuleIR {
    const key = JSON.stringify([root, file.text]);
    const cached = this.files.get(file.path);
    if (cached?.key === key && replay(cached.names, taken)) {
      bag.addAll(cached.diagnostics);
      return cached.module;
    }
    const names: NameEvent[] = [];
    const recording: TakenNames = {
      get: (name) => {
        const read = taken.get(name);
        names.push({ name, read });
        return read;
      },
      set: (name, wrote) => {
        taken.set(name, wrote);
        names.push({ name, wrote });
      },
    };
    const diagnostics = new DiagnosticBag();
    const module = analyzeQueryFile(schema.db, schema.catalog, schema.columnTypes, schema.models, file, root, recording, diagnostics);
    this.files.set(file.path, { key, module, diagnostics, names });
    bag.addAll(diagnostics);
    return module;
  }
}

/** Applies a cached file's name writes when every name it read reads the same now; else changes nothing. */
function replay(events: readonly NameEvent[], taken: Map<string, string>): boolean {
  const wrote = new Map<string, string>();
  for (const e of events) {
    if ("wrote" in e) wrote.set(e.name, e.wrote);
    else if ((wrote.get(e.name) ?? taken.get(e.name)) !== e.read) return false;
  }
  for (const [name, where] of wrote) taken.set(name, where);
  return true;
}

/** A path is quoted into generated comments and diagnostics: control characters there are refused. */
function checkPaths(files: readonly SourceFile[], bag: DiagnosticBag): void {
  for (const f of files) {
    if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(f.path)) {
      bag.report("SG010", `file name ${JSON.stringify(f.path)} contains a control character or line break`, null, null, ["Rename the file: its name is quoted in generated code and in messages."]);
    }
  }
}

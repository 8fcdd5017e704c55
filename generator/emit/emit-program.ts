/** ProgramIR → the text of every output file. Depends on the IR only. */
import { IndentationText, Project, QuoteKind, StructureKind, type StatementStructures } from "ts-morph";
import type { ProgramIR } from "../ir/query-ir.js";
import type { DriverProfile } from "../targets/drivers.js";
import { emitModels } from "./models-file.js";
import { emitQueryModule } from "./query-module.js";
import { runtimeSource } from "./runtime-source.js";
import { header } from "./ts-text.js";

/** Output files by name (relative to the output folder), in a stable order. */
export type OutputFiles = ReadonlyMap<string, string>;

export function emitProgram(program: ProgramIR, driver: DriverProfile): OutputFiles {
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Double },
  });
  const files = new Map<string, string>();
  // Each file is printed once from its structures: adding declarations one by one would make
  // ts-morph re-parse the file after every addition.
  const print = (statements: StatementStructures[]) => project.createSourceFile("print.ts", { statements }, { overwrite: true }).getFullText().trim();
  const create = (name: string, source: string, statements: StatementStructures[]) => {
    const imports = statements.filter((s) => s.kind === StructureKind.ImportDeclaration);
    const body = statements.filter((s) => s.kind !== StructureKind.ImportDeclaration);
    // A file with nothing to declare (no tables) must still be a module for index.ts to re-export.
    const parts = [header(source), ...(imports.length ? [print(imports)] : []), body.length ? print(body) : "export {};"];
    files.set(name, `${parts.join("\n\n")}\n`);
  };

  files.set("db.ts", `${header(`sqlgen's runtime for ${driver.name}`)}\n\n${runtimeSource(driver.runtime)}\n`);
  create("models.ts", program.schemaSources.join(", ") || "an empty schema", emitModels(program.models));
  for (const m of program.modules) create(m.fileName, m.source, emitQueryModule(m, driver));
  const exports = ["db", "models", ...program.modules.map((m) => m.fileName.replace(/\.ts$/, ""))];
  files.set("index.ts", `${header("the query files")}\n\n${exports.map((e) => `export * from "./${e}.js";`).join("\n")}\n`);
  return new Map([...files.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

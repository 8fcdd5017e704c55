/** ProgramIR → the text of every output file. Depends on the IR only. */
import type { ProgramIR } from "../ir/query-ir.js";
import type { DriverProfile } from "../targets/drivers.js";
import { emitModels } from "./models-file.js";
import { emitQueryModule } from "./query-module.js";
import { runtimeSource } from "./runtime-source.js";
import { emitSchemaModule } from "./schema-module.js";
import { header } from "./ts-text.js";

/** Output files by name (relative to the output folder), in a stable order. */
export type OutputFiles = ReadonlyMap<string, string>;

export function emitProgram(program: ProgramIR, driver: DriverProfile): OutputFiles {
  const files = new Map<string, string>();
  const create = (name: string, source: string, text: string) => files.set(name, `${header(source)}\n\n${text}\n`);

  files.set("db.ts", `${header(`sqlgen's runtime for ${driver.name}`)}\n\n${runtimeSource(driver.runtime)}\n`);
  create("models.ts", program.schemaSources.join(", ") || "an empty schema", emitModels(program));
  create("schema.ts", program.schemaSources.join(", ") || "an empty schema", emitSchemaModule(program.migrations, driver));
  for (const m of program.modules) create(m.fileName, m.source, emitQueryModule(m, driver));
  const exports = ["db", "models", "schema", ...program.modules.map((m) => m.fileName.replace(/\.ts$/, ""))];
  files.set("index.ts", `${header("the query files")}\n\n${exports.map((e) => `export * from "./${e}.js";`).join("\n")}\n`);
  return new Map([...files.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

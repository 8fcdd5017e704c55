/** Generates a driver's golden case into a temp folder, imports its modules and type-checks a use of them. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { runCase } from "../support/cases.js";
import { schemaText } from "../support/fill-database.js";
import { typecheck } from "../support/typecheck.js";

// Generated modules are plain functions; tests call them loosely typed.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Module = Record<string, any>;

export interface DriverCase {
  readonly query: Module;
  readonly runtime: Module;
  readonly schema: string;
  readonly outDir: string;
}

export async function loadDriverCase(name: string): Promise<DriverCase> {
  const c = await runCase(name);
  if (c.generate.code !== 0) throw new Error(`case ${name} failed:\n${c.generate.stderr}`);
  const query = (await import(pathToFileURL(join(c.outDir, "query.ts")).href)) as Module;
  const runtime = (await import(pathToFileURL(join(c.outDir, "db.ts")).href)) as Module;
  return { query, runtime, schema: schemaText(c.dir), outDir: c.outDir };
}

/**
 * Type-checks `source` (a module importing the generated files as "./query.js" and "./db.js", and
 * the driver by its package name) next to the generated output, under strict settings, against
 * the driver's own published types from the repo's node_modules.
 */
export function typecheckUse(c: DriverCase, source: string, packages: readonly string[]): string[] {
  const file = join(c.outDir, "use.ts");
  writeFileSync(file, source);
  const modules = Object.fromEntries(packages.map((p) => [p, fileURLToPath(new URL(`../../../node_modules/${p}`, import.meta.url))]));
  return typecheck([file], modules);
}

/** The golden cases: generator/test/cases/<case>/{schema.sql, query.sql, case.json, expected/}. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readProject } from "../../cli/read-project.js";
import { loadConfig } from "../../config/load-config.js";
import { DiagnosticBag } from "../../diagnostics/diagnostic.js";
import type { GenerateInput } from "../../pipeline/generate.js";
import { runCli, type CliResult } from "./run-cli.js";

export const casesDir = fileURLToPath(new URL("../cases/", import.meta.url));

/** A file put in the output folder before each run: a failed run must leave it, and only it. */
export const sentinel = "sentinel.txt";

export interface CaseSpec {
  /** What the case shows, in a sentence. */
  readonly about: string;
  /** Diagnostic codes the run must report (errors and warnings), in any order. */
  readonly codes?: readonly string[];
  /** The driver to generate for (`--driver`); better-sqlite3 when absent. */
  readonly driver?: string;
}

export interface CaseRun {
  readonly name: string;
  readonly dir: string;
  readonly spec: CaseSpec;
  readonly generate: CliResult;
  readonly describe: CliResult;
  /** Where the output went: a fresh temp folder holding a sentinel file beforehand. */
  readonly outDir: string;
}

export function caseNames(): string[] {
  return readdirSync(casesDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

export async function runCase(name: string): Promise<CaseRun> {
  const dir = join(casesDir, name);
  const spec = JSON.parse(readFileSync(join(dir, "case.json"), "utf8")) as CaseSpec;
  const outDir = mkdtempSync(join(tmpdir(), `sqlgen-${name}-`));
  writeFileSync(join(outDir, sentinel), "must survive a failed run\n");
  const { schema, queries } = casePaths(dir);
  const paths = ["--schema", schema, "--queries", queries, ...(spec.driver === undefined ? [] : ["--driver", spec.driver])];
  const generate = await runCli(["generate", ...paths, "--out", outDir], dir);
  const describe = await runCli(["describe", "--json", ...paths], dir);
  return { name, dir, spec, generate, describe, outDir };
}

/** A case's inputs: a schema file or folder of migrations, and its query file or folder. */
export function casePaths(dir: string): { schema: string; queries: string } {
  return {
    schema: existsSync(join(dir, "schema")) ? "schema" : "schema.sql",
    queries: existsSync(join(dir, "queries")) ? "queries" : "query.sql",
  };
}

/** A case's generate() input, as the CLI reads it in the case's folder (its sqlgen.json included). */
export function caseInput(dir: string): GenerateInput {
  const bag = new DiagnosticBag();
  const options = loadConfig(dir, casePaths(dir), bag).targets[0];
  if (options === undefined || bag.hasErrors) throw new Error(`${dir}: ${bag.all.map((d) => d.message).join("; ")}`);
  return readProject(options, bag);
}

/** Output that mentions the temp folder is made stable for goldens. */
export function normalize(text: string, outDir: string): string {
  return text.split(outDir).join("<out>");
}

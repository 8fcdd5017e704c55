/** Reads the schema and query files the options name: the CLI's side of `generate()`. */
import type { Options } from "../config/options.js";
import type { DiagnosticBag } from "../diagnostics/diagnostic.js";
import type { GenerateInput } from "../pipeline/generate.js";
import { readSqlFiles } from "../source/read-sources.js";

export function readProject(options: Options, bag: DiagnosticBag): GenerateInput {
  return {
    schema: readSqlFiles(options.cwd, options.schema, "schema", bag),
    queries: readSqlFiles(options.cwd, options.queries, "queries", bag),
    options: { queriesRoot: options.queries },
  };
}

/** Reads the schema and query files the options name: the CLI's side of `generate()`. */
import { posix, resolve } from "node:path";
import { isDirectory, type Options } from "../config/options.js";
import type { DiagnosticBag } from "../diagnostics/diagnostic.js";
import type { GenerateInput } from "../pipeline/generate.js";
import { readSqlFiles } from "../source/read-sources.js";

export function readProject(options: Options, bag: DiagnosticBag): GenerateInput {
  return {
    schema: options.schema.flatMap((p) => readSqlFiles(options.cwd, p, "schema", bag)),
    queries: options.queries.flatMap((p) => readSqlFiles(options.cwd, p, "queries", bag)),
    options: { queriesRoot: queriesRoot(options), driver: options.driver, types: options.types, importExtension: options.importExtension, naming: options.naming, overrides: options.overrides },
  };
}

/**
 * Module names are query paths relative to this folder: the one queries folder, or the folder that
 * holds every listed queries path (so `db/users` and `db/orders` give `users-….ts`, `orders-….ts`).
 */
function queriesRoot(options: Options): string {
  const dirs = options.queries.map((p) => posix.normalize(p.split("\\").join("/"))).map((p) => (isDirectory(resolve(options.cwd, p)) ? p : posix.dirname(p)));
  const [first = ["."], ...rest] = dirs.map((d) => d.split("/"));
  return rest.reduce<readonly string[]>(commonPrefix, first).join("/") || ".";
}

function commonPrefix(a: readonly string[], b: readonly string[]): string[] {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

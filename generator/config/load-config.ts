/**
 * Finds the config: `-f FILE`, else `sqlgen.json`, else an sqlc config (drop-in), else none (the
 * zero-config defaults). Returns one set of options per target: sqlc may list several SQLite entries.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, relative, resolve, sep } from "node:path";
import type { DiagnosticBag } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../source/source-file.js";
import { resolveOptions, type Flags, type Options } from "./options.js";
import { readSqlcConfig, sqlcFileNames, type Notice } from "./sqlc-config.js";
import { readSqlgenJson } from "./sqlgen-json.js";

export const configFileName = "sqlgen.json";

export interface LoadedConfig {
  /** The config file read, if any (diagnostics point into it). */
  readonly file: SourceFile | null;
  readonly targets: readonly Options[];
  readonly notices: readonly Notice[];
}

export function loadConfig(cwd: string, flags: Flags & { readonly file?: string }, bag: DiagnosticBag): LoadedConfig {
  const path = flags.file ?? [configFileName, ...sqlcFileNames].find((name) => existsSync(resolve(cwd, name)));
  if (path === undefined) return { file: null, targets: [resolveOptions(cwd, flags)], notices: [] };
  const shown = relative(cwd, resolve(cwd, path)).split(sep).join("/");
  let file: SourceFile;
  try {
    file = { path: shown, text: readFileSync(resolve(cwd, path), "utf8") };
  } catch (e) {
    bag.report("SG012", `cannot read config file ${shown}: ${(e as Error).message}`, null, null, ["Check the path given to -f/--file."]);
    return { file: null, targets: [], notices: [] };
  }
  if (!basename(path).startsWith("sqlc.")) return { file, targets: [resolveOptions(cwd, flags, readSqlgenJson(file, bag))], notices: [] };
  const sqlc = readSqlcConfig(file, bag);
  return { file, targets: sqlc.targets.map((t) => resolveOptions(cwd, flags, t)), notices: sqlc.notices };
}

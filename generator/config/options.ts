/** Where sqlgen reads and writes: zero-config defaults under the working directory, a config file, flags. */
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { defaultDriver, type Driver } from "../targets/drivers.js";
import type { Settings } from "./config-keys.js";
import type { TypeOption } from "./type-options.js";
import type { Naming } from "../analyze/apply-names.js";
import type { TypeOverride } from "../analyze/type-overrides.js";
import type { ImportExtension } from "../emit/import-extension.js";

export interface Options {
  readonly cwd: string;
  /** Schema files or folders, applied in order. */
  readonly schema: readonly string[];
  /** Query files or folders. */
  readonly queries: readonly string[];
  readonly out: string;
  /** Warnings fail the run. */
  readonly strict: boolean;
  readonly driver: Driver;
  readonly types: readonly TypeOption[];
  readonly importExtension: ImportExtension;
  /** Model and field names: sqlc's naming settings and emitExactTableNames. */
  readonly naming: Naming;
  readonly overrides: readonly TypeOverride[];
}

/** Command-line values: each overrides the config file's key of the same name. */
export interface Flags {
  readonly schema?: string | readonly string[];
  readonly queries?: string | readonly string[];
  readonly out?: string;
  readonly strict?: boolean;
  readonly driver?: Driver;
  readonly importExtension?: ImportExtension;
  readonly emitExactTableNames?: boolean;
}

/** Flags over config-file settings over the zero-config defaults. */
export function resolveOptions(cwd: string, flags: Flags, config: Settings = {}): Options {
  const defaultSchema = existsSync(resolve(cwd, "schema")) || !existsSync(resolve(cwd, "schema.sql")) ? "schema" : "schema.sql";
  return {
    cwd,
    schema: list(flags.schema) ?? config.schema ?? [defaultSchema],
    queries: list(flags.queries) ?? config.queries ?? ["queries"],
    out: flags.out ?? config.out ?? "generated",
    strict: flags.strict ?? config.strict ?? false,
    driver: flags.driver ?? config.driver ?? defaultDriver,
    types: config.types ?? [],
    importExtension: flags.importExtension ?? config.importExtension ?? ".js",
    naming: { ...config.naming, exactTableNames: flags.emitExactTableNames ?? config.emitExactTableNames ?? false },
    overrides: config.overrides ?? [],
  };
}

function list(value: string | readonly string[] | undefined): readonly string[] | undefined {
  return value === undefined ? undefined : typeof value === "string" ? [value] : value;
}

export function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/**
 * The keys of `sqlgen.json`. One table drives validation of the file, the command-line flags and
 * (checked by a test) the published JSON Schema, so the three cannot disagree.
 */
import type { ImportExtension } from "../emit/import-extension.js";
import type { Driver } from "../targets/drivers.js";
import type { TypeOption } from "./type-options.js";
import type { Naming } from "../analyze/apply-names.js";
import type { TypeOverride } from "../analyze/type-overrides.js";

export type ConfigValueKind = "paths" | "path" | "boolean" | "driver" | "types" | "importExtension";

export interface ConfigKey {
  readonly kind: ConfigValueKind;
  readonly description: string;
}

export const configKeys = {
  schema: { kind: "paths", description: "schema file or folder of *.sql (or a list of them), applied in order" },
  queries: { kind: "paths", description: "query file or folder of *.sql (or a list of them)" },
  out: { kind: "path", description: "output folder" },
  strict: { kind: "boolean", description: "treat warnings as errors (exit 1)" },
  driver: { kind: "driver", description: "the driver generated code runs on (default: better-sqlite3)" },
  types: { kind: "types", description: "what columns read as in TypeScript, by table.column or declared type: bigint, date, json (with an imported type), brand" },
  importExtension: { kind: "importExtension", description: 'extension of relative imports in generated files: ".js" (default) or ".ts" for Node\'s type stripping' },
  emitExactTableNames: { kind: "boolean", description: "name models exactly after their tables (users → Users) instead of singular (users → User), as sqlc's emit_exact_table_names" },
} as const satisfies Record<string, ConfigKey>;

export type ConfigKeyName = keyof typeof configKeys;

/** Settings from a config file or flags; every one optional, paths relative to the working directory. */
export interface Settings {
  readonly schema?: readonly string[];
  readonly queries?: readonly string[];
  readonly out?: string;
  readonly strict?: boolean;
  readonly driver?: Driver;
  readonly types?: readonly TypeOption[];
  readonly importExtension?: ImportExtension;
  readonly emitExactTableNames?: boolean;
  /** From an sqlc config only: its `rename` and `inflection_exclude_table_names`… */
  readonly naming?: Omit<Naming, "exactTableNames">;
  /** …and its type `overrides`. */
  readonly overrides?: readonly TypeOverride[];
}

/** `$schema` is allowed for editors and means nothing to sqlgen. */
export const editorKeys: readonly string[] = ["$schema"];

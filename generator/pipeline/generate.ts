/**
 * The pipeline as one pure function: source texts in; the IR, every diagnostic and the output files
 * out. No file system, no console, no exit: the CLI, watch mode, tests and tools (editors, bundler
 * plugins) all call this and do their own I/O.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { OutputFiles } from "../emit/emit-program.js";
import type { ProgramIR } from "../ir/query-ir.js";
import type { SourceFile } from "../source/source-file.js";
import type { TypeOption } from "../config/type-options.js";
import type { ImportExtension } from "../emit/import-extension.js";
import type { Naming } from "../analyze/apply-names.js";
import type { TypeOverride } from "../analyze/type-overrides.js";
import type { Driver } from "../targets/drivers.js";
import { GenerateSession } from "./incremental.js";

export interface GenerateInput {
  /** Schema files, applied in this order (like migrations). */
  readonly schema: readonly SourceFile[];
  /** Query files; each becomes one output module. */
  readonly queries: readonly SourceFile[];
  readonly options?: GenerateOptions;
}

export interface GenerateOptions {
  /** The folder query paths are relative to, for module names (`queries/admin/users.sql` → `admin-users.ts`). */
  readonly queriesRoot?: string;
  /** Print the output files (the default); `false` stops after analysis, as `describe` does. */
  readonly emit?: boolean;
  /** The driver generated code runs on: its SQLite is the one queries are checked against. */
  readonly driver?: Driver;
  /** sqlgen.json's `types`: what columns read as (bigint, Date, JSON, brands). */
  readonly types?: readonly TypeOption[];
  /** Extension of relative imports in generated files (default ".js"). */
  readonly importExtension?: ImportExtension;
  /** Model and field names: singular models unless exactTableNames, renames. */
  readonly naming?: Naming;
  /** sqlc's type overrides (see analyze/type-overrides.ts). */
  readonly overrides?: readonly TypeOverride[];
}

export interface GenerateResult {
  readonly program: ProgramIR;
  readonly diagnostics: readonly Diagnostic[];
  /** Output files by name, relative to the output folder; null when there are errors or emit is off. */
  readonly files: OutputFiles | null;
}

/** One cold run: a session used once (see incremental.ts for runs that reuse work). */
export async function generate(input: GenerateInput): Promise<GenerateResult> {
  const session = new GenerateSession();
  try {
    return await session.update(input);
  } finally {
    session.close();
  }
}

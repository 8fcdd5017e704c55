/**
 * One analysis of the project as the editor sees it: files from disk, each replaced by its open
 * buffer when there is one, through the same pipeline as the CLI (a generate session, without
 * emitting, so an edit re-analyses only its file). Nothing is written.
 */
import { relative, resolve, sep } from "node:path";
import type { Options } from "../config/options.js";
import { DiagnosticBag, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { ProgramIR } from "../ir/query-ir.js";
import type { GenerateSession } from "../pipeline/incremental.js";
import type { SourceFile } from "../source/source-file.js";
import { readProject } from "../cli/read-project.js";
import { indexSchema, type TableDefinition } from "./schema-index.js";

export interface Analysis {
  readonly options: Options;
  readonly program: ProgramIR;
  readonly diagnostics: readonly Diagnostic[];
  /** Every file analysed, by project path (`queries/http.sql`). */
  readonly sources: ReadonlyMap<string, SourceFile>;
  readonly schemaFiles: ReadonlySet<string>;
  readonly tables: ReadonlyMap<string, TableDefinition>;
}

/** `overlays`: unsaved buffer texts by absolute path. */
export async function analyse(session: GenerateSession, options: Options, overlays: ReadonlyMap<string, string>): Promise<Analysis> {
  const cwd = options.cwd;
  const reading = new DiagnosticBag();
  const input = readProject(options, reading);
  const schema = overlay(input.schema, options.schema, cwd, overlays);
  const queries = overlay(input.queries, options.queries, cwd, overlays);
  const result = await session.update({ schema, queries, options: { ...input.options, emit: false } });
  return {
    options,
    program: result.program,
    diagnostics: [...reading.all, ...result.diagnostics],
    sources: new Map([...schema, ...queries].map((f) => [f.path, f])),
    schemaFiles: new Set(schema.map((f) => f.path)),
    tables: indexSchema(schema),
  };
}

/** Project path of an absolute path, as `readProject` names files. */
export function projectPath(cwd: string, absolute: string): string {
  return relative(cwd, absolute).split(sep).join("/");
}

/** The files read from `roots`, with open buffers in place of their text and new unsaved files added. */
function overlay(files: readonly SourceFile[], roots: readonly string[], cwd: string, overlays: ReadonlyMap<string, string>): SourceFile[] {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const rootPaths = roots.map((root) => projectPath(cwd, resolve(cwd, root)));
  for (const [absolute, text] of overlays) {
    const path = projectPath(cwd, absolute);
    const inside = rootPaths.some((rootPath) => path === rootPath || (path.startsWith(`${rootPath}/`) && path.endsWith(".sql") && !path.endsWith(".down.sql")));
    if (inside) byPath.set(path, { path, text });
  }
  return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

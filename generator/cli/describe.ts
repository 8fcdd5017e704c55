/** `gen describe --json`: the analysis as stable JSON for tools and tests. */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { ProgramIR } from "../ir/query-ir.js";
import { lineColAt, type SourceFile } from "../source/source-file.js";

export function describeJson(program: ProgramIR, diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, SourceFile>): string {
  const queries = program.modules.flatMap((m) =>
    m.queries.map((q) => ({
      name: q.name,
      command: q.command,
      file: q.file,
      line: q.line,
      sql: q.sourceSql,
      params: q.params.map((p) => ({ name: p.name, type: p.type.ts, nullable: p.type.nullable, why: p.type.why ?? null, slice: p.list })),
      columns: q.columns.map((c) => ({ name: c.name, type: c.type.ts, nullable: c.type.nullable, why: c.type.why ?? null, table: c.table, column: c.column })),
      plan: q.plan,
    })),
  );
  const described = diagnostics.map((d) => {
    const file = d.file === null ? undefined : sources.get(d.file);
    const at = file && d.span ? lineColAt(file, d.span.start) : { line: null, col: null };
    return { severity: d.severity, code: d.code, file: d.file, line: at.line, col: at.col, message: d.message, notes: d.notes };
  });
  return JSON.stringify({ queries, diagnostics: described }, null, 2) + "\n";
}

/** `gen describe --json`: the analysis as stable JSON for tools and tests. */
import type { Analysis } from "../pipeline/analyze-project.js";
import { lineColAt } from "../source/source-file.js";

export function describeJson(analysis: Analysis): string {
  const queries = analysis.program.modules.flatMap((m) =>
    m.queries.map((q) => ({
      name: q.name,
      command: q.command,
      file: q.file,
      line: q.line,
      sql: q.sourceSql,
      params: q.params.map((p) => ({ name: p.name, type: p.type.ts, nullable: p.type.nullable, slice: p.list })),
      columns: q.columns.map((c) => ({ name: c.name, type: c.type.ts, nullable: c.type.nullable, table: c.table, column: c.column })),
      plan: q.plan,
    })),
  );
  const diagnostics = analysis.bag.all.map((d) => {
    const file = d.file === null ? undefined : analysis.files.get(d.file);
    const at = file && d.span ? lineColAt(file, d.span.start) : { line: null, col: null };
    return { severity: d.severity, code: d.code, file: d.file, line: at.line, col: at.col, message: d.message, notes: d.notes };
  });
  return JSON.stringify({ queries, diagnostics }, null, 2) + "\n";
}

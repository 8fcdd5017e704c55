/** `gen describe --json`: the analysis as stable JSON for tools and tests. */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { ProgramIR, ResultIR } from "../ir/query-ir.js";
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
      result: describeResult(q.result),
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

/** What each row becomes: one value, or an object of fields (`embed` ones nested, `model` when it is exactly a table's). */
function describeResult(r: ResultIR): object {
  switch (r.kind) {
    case "none":
      return { kind: r.kind };
    case "scalar":
      return { kind: r.kind, type: r.type.ts, nullable: r.type.nullable, always: r.always };
    case "row":
      return {
        kind: r.kind,
        always: r.always,
        model: r.model,
        fields: r.fields.map((f) => (f.kind === "column" ? { field: f.field, column: f.index } : { field: f.field, embed: f.model, nullable: f.nullable })),
      };
  }
}

/** The query stage: every annotated statement of a query file → its ModuleIR. */
import type { DiagnosticBag } from "../diagnostics/diagnostic.js";
import type { ModelIR, ModuleIR, QueryIR } from "../ir/query-ir.js";
import { readAnnotation } from "../parse/annotation.js";
import { parseViewSelect } from "../parse/parse-statement.js";
import { splitStatements } from "../parse/split-statements.js";
import type { Catalog } from "../schema/catalog.js";
import type { AnalysisDb } from "../sqlite/analysis-db.js";
import { lineColAt, type SourceFile } from "../source/source-file.js";
import { analyzeQuery } from "./analyze-query.js";
import type { ColumnTypes } from "./column-types.js";
import { Relations } from "./relations.js";

const reservedModules = new Set(["db", "models", "schema", "index"]);

/**
 * Query names already taken, by lower-case name → `file:line` of their first use. A Map will do;
 * an incremental run passes one that records what one file read and wrote.
 */
export interface TakenNames {
  get(name: string): string | undefined;
  set(name: string, where: string): void;
}

/** One query file → its module. Reads nothing of other files but the names in `taken` (SG205). */
export function analyzeQueryFile(db: AnalysisDb, catalog: Catalog, columnTypes: ColumnTypes, models: readonly ModelIR[], file: SourceFile, queriesRoot: string, taken: TakenNames, bag: DiagnosticBag): ModuleIR {
  const relations = new Relations({ catalog, textOf: (s) => file.text.slice(s.start, s.end), parseView: parseViewSelect, columnTypes });
  const ctx = { db, catalog, models, relations, bag };
  const queries: QueryIR[] = [];
  for (const chunk of splitStatements(file.text, file.path, bag)) {
    const annotation = readAnnotation(chunk.comments, file.text, file.path, bag);
    if (annotation === "invalid") continue;
    if (annotation === null) {
      if (chunk.sql !== "") {
        bag.report("SG201", "statement has no `-- name: Name :command` header and is skipped", file.path, { start: chunk.start, end: chunk.start + firstLine(chunk.sql).length }, [
          "Add a header such as `-- name: ListThings :many` above it to generate a function for it.",
        ]);
      }
      continue;
    }
    if (chunk.sql === "") {
      bag.report("SG206", `query "${annotation.name}" has no SQL after its header`, file.path, annotation.span, ["Write the statement below the header, ending with `;`."]);
      continue;
    }
    const previous = taken.get(annotation.name.toLowerCase());
    if (previous) {
      bag.report("SG205", `query name "${annotation.name}" is already used at ${previous}`, file.path, annotation.nameSpan, ["Query names become function names and must be unique across all query files."]);
      continue;
    }
    taken.set(annotation.name.toLowerCase(), `${file.path}:${lineColAt(file, annotation.span.start).line}`);
    try {
      const q = analyzeQuery(ctx, file, chunk, annotation);
      if (q) queries.push(q);
    } catch (e) {
      bag.report("SG900", `sqlgen failed on query "${annotation.name}": ${(e as Error).message}`, file.path, annotation.span, ["This is a bug in sqlgen; please report it with the statement."]);
    }
  }
  return { source: file.path, fileName: moduleFileName(file.path, queriesRoot), queries };
}

/** `queries/http.sql` → `http.ts`; `queries/admin/users.sql` → `admin-users.ts`. */
function moduleFileName(path: string, queriesRoot: string): string {
  const root = queriesRoot.replace(/\\/g, "/").replace(/^\.\//, "").replace(/\/$/, "");
  const inner = path.startsWith(root + "/") ? path.slice(root.length + 1) : path.split("/").pop()!;
  const base = inner.replace(/\.sql$/, "").replace(/[^A-Za-z0-9_.]+/g, "-");
  return `${reservedModules.has(base) ? `${base}-queries` : base}.ts`;
}

function firstLine(sql: string): string {
  return sql.split("\n")[0];
}

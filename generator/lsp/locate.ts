/** What a position in a `.sql` file refers to, from the analysis and the buffer's text. */
import type { ColumnIR, ModelIR, ParamIR, QueryIR } from "../ir/query-ir.js";
import type { StatementChunk } from "../parse/split-statements.js";
import type { Definition, TableDefinition } from "./schema-index.js";
import { headerName, nameAt, statementAt, tablesIn, type NameAt } from "./sql-text.js";
import type { Analysis } from "./workspace.js";

export type Target =
  | { readonly kind: "header"; readonly query: QueryIR }
  | { readonly kind: "param"; readonly query: QueryIR; readonly param: ParamIR }
  | { readonly kind: "result"; readonly query: QueryIR; readonly column: ColumnIR; readonly index: number }
  | { readonly kind: "table"; readonly table: TableDefinition; readonly model: ModelIR | undefined }
  | { readonly kind: "column"; readonly table: TableDefinition; readonly column: Definition; readonly model: ModelIR | undefined };

export interface Place {
  readonly chunk: StatementChunk | null;
  /** The analysed query of that statement, when it has a header and analysed cleanly. */
  readonly query: QueryIR | null;
  /** Tables the statement names, by lower-case alias or name. */
  readonly tables: Map<string, string>;
}

export function placeAt(analysis: Analysis, path: string, text: string, offset: number): Place {
  const chunk = statementAt(text, offset);
  if (chunk === null) return { chunk, query: null, tables: new Map() };
  const name = headerName(text, chunk);
  // Matched by name, not span: the buffer may have moved on since the analysis ran.
  const query = name === null ? null : (analysis.program.modules.find((m) => m.source === path)?.queries.find((q) => q.name === name) ?? null);
  const tables = tablesIn(chunk.sql);
  // In a schema file, the table a CREATE TABLE defines is the one its column names belong to.
  for (const t of analysis.tables.values()) if (t.file === path && chunk.start <= t.start && t.start <= chunk.end) tables.set(t.name.toLowerCase(), t.name);
  return { chunk, query, tables };
}

export function targetAt(analysis: Analysis, path: string, text: string, offset: number): Target | null {
  const place = placeAt(analysis, path, text, offset);
  const { chunk, query } = place;
  if (chunk === null) return null;
  if (query !== null && chunk.comments.some((c) => c.start <= offset && offset <= c.end && /name:/.test(text.slice(c.start, c.end)))) return { kind: "header", query };
  if (query !== null && text[offset] === "?" && offset >= chunk.start) return positionalParam(query, text.slice(chunk.start, offset));
  const at = nameAt(text, offset);
  if (at === null || offset < chunk.start) return null;
  return (query === null ? null : inQuery(query, at, place)) ?? inSchema(analysis, at, place.tables);
}

function inQuery(query: QueryIR, at: NameAt, place: Place): Target | null {
  const lower = at.name.toLowerCase();
  if (at.parameter) {
    const param = query.params.find((p) => p.name.toLowerCase() === lower);
    return param === undefined ? null : { kind: "param", query, param };
  }
  const table = at.qualifier === null ? null : (place.tables.get(at.qualifier.toLowerCase()) ?? at.qualifier).toLowerCase();
  const index = query.columns.findIndex((c) =>
    table === null ? c.name.toLowerCase() === lower : c.column?.toLowerCase() === lower && c.table?.toLowerCase() === table,
  );
  return index < 0 ? null : { kind: "result", query, column: query.columns[index], index };
}

/**
 * The parameter a plain `?` stands for: SQLite numbers parameters by first appearance, each `?`
 * a new one and a repeated name the same one. Gives up on `?NNN`, which numbers explicitly.
 */
function positionalParam(query: QueryIR, before: string): Target | null {
  const seen = new Set<string>();
  let count = 0;
  for (const m of before.replace(/'(?:[^']|'')*'/g, "''").matchAll(/\?(\d*)|[:@$]([\p{L}\p{N}_$]+)|\bsqlc\s*\.\s*n?(?:arg|slice)\s*\(\s*['"]?([\p{L}\p{N}_$]+)/giu)) {
    if (m[1]) return null;
    const name = (m[2] ?? m[3])?.toLowerCase();
    if (name === undefined) count++;
    else if (!seen.has(name)) {
      seen.add(name);
      count++;
    }
  }
  const param = query.params[count];
  return param === undefined ? null : { kind: "param", query, param };
}

/** A table, or a column of a table the statement names (or of any table, in a schema file). */
export function inSchema(analysis: Analysis, at: NameAt, tables: Map<string, string>): Target | null {
  const lower = at.name.toLowerCase();
  const modelOf = (t: TableDefinition) => analysis.program.models.find((m) => m.table.toLowerCase() === t.name.toLowerCase());
  if (at.qualifier !== null) {
    const table = analysis.tables.get((tables.get(at.qualifier.toLowerCase()) ?? at.qualifier).toLowerCase());
    const column = table?.columns.get(lower);
    return table && column ? { kind: "column", table, column, model: modelOf(table) } : null;
  }
  const table = analysis.tables.get((tables.get(lower) ?? lower).toLowerCase());
  if (table !== undefined) return { kind: "table", table, model: modelOf(table) };
  const named = [...new Set(tables.values())].map((t) => analysis.tables.get(t.toLowerCase())).filter((t) => t !== undefined);
  for (const t of named.length > 0 ? named : [...analysis.tables.values()]) {
    const column = t.columns.get(lower);
    if (column !== undefined) return { kind: "column", table: t, column, model: modelOf(t) };
  }
  return null;
}

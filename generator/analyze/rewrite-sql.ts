/**
 * Rewrites a statement for running: every placeholder and macro becomes an anonymous `?`
 * (better-sqlite3 binds those by position, which the generator fixes), `sqlc.slice` becomes a
 * part expanded at run time, `sqlc.embed(t)` becomes `t.*`.
 */
import type { Span } from "../diagnostics/diagnostic.js";
import type { SqlPart } from "../ir/query-ir.js";
import type { EmbedOccurrence, ParamOccurrence } from "../parse/ast.js";

export interface Rewritten {
  /** What SQLite analyses: slices stand as a single `?`. */
  readonly analysisSql: string;
  /** Maps an offset in `analysisSql` back to an offset in the statement as written. */
  readonly toSource: (offset: number) => number;
  readonly parts: SqlPart[];
}

interface Edit {
  readonly span: Span;
  readonly replacement: string;
  readonly sliceParam: number | null;
}

export function rewriteSql(sql: string, base: number, params: readonly ParamOccurrence[], bindings: readonly number[], embeds: readonly EmbedOccurrence[]): Rewritten {
  const edits: Edit[] = [
    ...params.map((p, i) => ({ span: p.span, replacement: "?", sliceParam: p.syntax.kind === "macro" && p.syntax.macro === "slice" ? bindings[i] : null })),
    ...embeds.map((e) => ({ span: e.span, replacement: `${quoteIdentifier(e.table)}.*`, sliceParam: null })),
  ].sort((a, b) => a.span.start - b.span.start);

  let analysisSql = "";
  const parts: SqlPart[] = [];
  let text = "";
  let cursor = 0;
  /** [offset in rewritten, offset in source] at the start of each edit and after it. */
  const anchors: [number, number][] = [[0, 0]];
  for (const edit of edits) {
    const start = edit.span.start - base;
    const end = edit.span.end - base;
    const between = sql.slice(cursor, start);
    analysisSql += between;
    text += between;
    anchors.push([analysisSql.length, start]);
    analysisSql += edit.replacement;
    if (edit.sliceParam !== null) {
      parts.push({ kind: "text", text });
      parts.push({ kind: "slice", param: edit.sliceParam });
      text = "";
    } else text += edit.replacement;
    anchors.push([analysisSql.length, end]);
    cursor = end;
  }
  analysisSql += sql.slice(cursor);
  text += sql.slice(cursor);
  if (text !== "" || parts.length === 0) parts.push({ kind: "text", text });

  const toSource = (offset: number): number => {
    let anchor = anchors[0];
    for (const a of anchors) if (a[0] <= offset) anchor = a;
    return anchor[1] + (offset - anchor[0]);
  };
  return { analysisSql, toSource, parts: parts.filter((p) => p.kind === "slice" || p.text !== "") };
}

function quoteIdentifier(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

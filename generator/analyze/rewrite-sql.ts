/**
 * Turns a statement as written into the SQL that runs (IR parts: text, value and list
 * placeholders) and the SQL SQLite analyses. Every placeholder runs as an anonymous `?` (the
 * generator fixes the binding order), `sqlc.embed(t)` becomes `t.*`, and a star with a known
 * expansion runs as its list of columns. SQLite analyses placeholders as written (`?NNN`, `:name`,
 * so it checks their numbers), macros as `?`, stars as written.
 */
import type { Span } from "../diagnostics/diagnostic.js";
import type { ParamIR, SqlPart } from "../ir/query-ir.js";
import type { EmbedOccurrence, ParamOccurrence } from "../parse/ast.js";
import type { StarExpansion } from "./relations.js";

export interface Rewritten {
  /** What SQLite analyses: placeholders as written, macros and slices as a single `?`. */
  readonly analysisSql: string;
  /** Maps an offset in `analysisSql` back to an offset in the statement as written. */
  readonly toSource: (offset: number) => number;
  readonly parts: readonly SqlPart[];
}

interface Edit {
  readonly span: Span;
  /** What SQLite analyses in place of the span. */
  readonly analysis: string;
  /** What runs in its place. */
  readonly part: SqlPart;
}

/** `paramOf[i]` is the index in `params` of occurrence `i`. */
export function rewriteSql(
  sql: string,
  base: number,
  occurrences: readonly ParamOccurrence[],
  paramOf: readonly number[],
  params: readonly ParamIR[],
  embeds: readonly EmbedOccurrence[],
  stars: ReadonlyMap<number, StarExpansion> = new Map(),
): Rewritten {
  const written = (span: Span) => sql.slice(span.start - base, span.end - base);
  const embedStarts = new Set(embeds.map((e) => e.span.start));
  const edits: Edit[] = [
    ...occurrences.map((o, i): Edit => {
      const param = paramOf[i];
      return { span: o.span, analysis: o.syntax.kind === "macro" ? "?" : written(o.span), part: { kind: params[param].list ? "list" : "value", param } };
    }),
    ...embeds.map((e): Edit => {
      const star = `${quoteIdentifier(e.table)}.*`;
      return { span: e.span, analysis: star, part: { kind: "text", text: stars.get(e.span.start)?.text ?? star } };
    }),
    ...[...stars.values()].filter((s) => !embedStarts.has(s.span.start)).map((s): Edit => ({ span: s.span, analysis: written(s.span), part: { kind: "text", text: s.text } })),
  ].sort((a, b) => a.span.start - b.span.start);

  let analysisSql = "";
  const parts: SqlPart[] = [];
  const text = (t: string) => {
    const last = parts[parts.length - 1];
    if (t === "") return;
    if (last?.kind === "text") parts[parts.length - 1] = { kind: "text", text: last.text + t };
    else parts.push({ kind: "text", text: t });
  };
  let cursor = 0;
  /** [offset in analysisSql, offset in source] at the start of each edit and after it. */
  const anchors: [number, number][] = [[0, 0]];
  for (const edit of edits) {
    const start = edit.span.start - base;
    const end = edit.span.end - base;
    const between = sql.slice(cursor, start);
    analysisSql += between;
    text(between);
    anchors.push([analysisSql.length, start]);
    analysisSql += edit.analysis;
    if (edit.part.kind === "text") text(edit.part.text);
    else parts.push(edit.part);
    anchors.push([analysisSql.length, end]);
    cursor = end;
  }
  analysisSql += sql.slice(cursor);
  text(sql.slice(cursor));

  const toSource = (offset: number): number => {
    let anchor = anchors[0];
    for (const a of anchors) if (a[0] <= offset) anchor = a;
    return anchor[1] + (offset - anchor[0]);
  };
  return { analysisSql, toSource, parts };
}

function quoteIdentifier(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

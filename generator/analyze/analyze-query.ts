/** One annotated statement → its QueryIR, with every problem recorded in the bag. */
import { DiagnosticBag, type Span } from "../diagnostics/diagnostic.js";
import type { QueryIR } from "../ir/query-ir.js";
import type { Annotation } from "../parse/annotation.js";
import type { Statement } from "../parse/ast.js";
import { parseStatement } from "../parse/cst-adapter.js";
import type { StatementChunk } from "../parse/split-statements.js";
import type { Catalog } from "../schema/catalog.js";
import { isSqliteError, type AnalysisDb, type SqliteError } from "../sqlite/analysis-db.js";
import { errorSpan } from "../sqlite/error-span.js";
import { lineColAt, type SourceFile } from "../source/source-file.js";
import { ParamHints } from "./param-hints.js";
import { queryIdentifiers } from "./naming.js";
import { buildParams } from "./params.js";
import { checkPlan, planSql } from "./query-plan.js";
import { aggregatesWithoutGroup } from "./aggregates.js";
import type { OutputColumn, Relations } from "./relations.js";
import { buildColumns } from "./result-columns.js";
import { rewriteSql } from "./rewrite-sql.js";
import { CteEnv, Scope } from "./scope.js";
import { nearest } from "./suggest.js";

export interface QueryContext {
  readonly db: AnalysisDb;
  readonly catalog: Catalog;
  readonly relations: Relations;
  readonly bag: DiagnosticBag;
}

export function analyzeQuery(ctx: QueryContext, file: SourceFile, chunk: StatementChunk, annotation: Annotation): QueryIR | null {
  const statementSpan: Span = { start: chunk.start, end: chunk.end };
  const parsed = parseStatement(chunk.sql, chunk.start);
  if (!parsed.ok) {
    const err = ctx.db.prepare(chunk.sql);
    if (isSqliteError(err)) reportSqliteError(ctx, file, err, locate(err, chunk.sql, chunk.start, (o) => o));
    else ctx.bag.report("SG305", `sqlgen cannot parse query "${annotation.name}", though SQLite accepts it`, file.path, statementSpan, [parsed.message, "Please report this statement; rewriting it may work around it."]);
    return null;
  }
  for (const m of parsed.problems) ctx.bag.report(m.code, m.message, file.path, m.span, m.notes);
  if (parsed.problems.length > 0) return null;

  const { statement, params: occurrences, embeds } = parsed.parsed;
  const hints = new ParamHints(ctx.relations);
  hints.statement(statement);
  // Parameter warnings only matter once SQLite accepts the statement.
  const paramBag = new DiagnosticBag();
  const { params, paramOf } = buildParams(occurrences, hints.hints, file, paramBag);
  const rewritten = rewriteSql(chunk.sql, chunk.start, occurrences, paramOf, params, embeds);
  const meta = ctx.db.prepare(rewritten.analysisSql);
  if (isSqliteError(meta)) {
    reportSqliteError(ctx, file, meta, locate(meta, rewritten.analysisSql, chunk.start, rewritten.toSource));
    return null;
  }
  ctx.bag.addAll(paramBag);
  if ((annotation.command === "one" || annotation.command === "many") && meta.columns.length === 0) {
    ctx.bag.report("SG304", `:${annotation.command} query "${annotation.name}" returns no columns`, file.path, annotation.span, [
      "Use :exec, :execrows, :execlastid or :execresult for statements that return no rows, or add RETURNING.",
    ]);
    return null;
  }
  const { columns, row } = buildColumns(meta.columns, outputColumns(ctx.relations, statement, statementSpan), ctx.catalog, file.path, statementSpan, ctx.bag);
  const toPlan = planSql(rewritten.parts);
  const plan = ctx.db.explain(toPlan.sql, toPlan.variables) ?? [];
  checkPlan(plan, annotation.plan, statement, ctx.catalog, file.path, ctx.bag);
  return {
    name: annotation.name,
    command: annotation.command,
    file: file.path,
    line: lineColAt(file, annotation.span.start).line,
    headerSpan: annotation.span,
    nameSpan: annotation.nameSpan,
    docs: annotation.docs,
    identifiers: queryIdentifiers(annotation.name),
    sourceSql: chunk.sql,
    sql: rewritten.parts,
    params,
    columns,
    row,
    plan,
  };
}

/** The statement's result columns as the AST sees them, or null where it cannot tell. */
function outputColumns(relations: Relations, s: Statement, span: Span): OutputColumn[] | null {
  switch (s.kind) {
    case "select": {
      const env = relations.defineCtes(s.ctes, null, new CteEnv(null));
      if (s.body.kind === "core") return relations.outputColumns(s.body.columns, relations.coreScope(s.body, null, env), aggregatesWithoutGroup(s.body));
      return relations.selectColumns(s, null, new CteEnv(null)).map((c) => ({ ...c, span, embed: null, unknownFunction: null }));
    }
    case "insert":
    case "update":
    case "delete": {
      if (s.returning === null) return [];
      const env = relations.defineCtes(s.ctes, null, new CteEnv(null));
      // RETURNING may only read the table being written (SQLite rejects anything else).
      const target = relations.tableRelation(s.table, s.alias, env);
      return relations.outputColumns(s.returning, new Scope([target], null, env), false);
    }
    case "other":
      return null;
  }
}

/**
 * SQLite gives no offset for some errors ("no such table"); then the name it quotes is looked up
 * in the statement so the caret still lands on it.
 */
function locate(err: SqliteError, sql: string, base: number, toSource: (offset: number) => number): Span {
  if (err.byteOffset >= 0) return errorSpan(err, sql, base, toSource);
  const name = /^no such (?:table|column|function): (?:\w+\.)?(\S+)$/.exec(err.message)?.[1];
  const at = name === undefined ? -1 : sql.search(new RegExp(`(?<![\\w$])${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w$])`, "i"));
  if (at < 0) return errorSpan(err, sql, base, toSource);
  const start = base + toSource(at);
  return { start, end: start + name!.length };
}

function reportSqliteError(ctx: QueryContext, file: SourceFile, err: SqliteError, span: Span): void {
  const table = /^no such table: (?:\w+\.)?(.+)$/.exec(err.message);
  if (table) {
    const names = nearest(table[1], ctx.catalog.tables.map((t) => t.name));
    ctx.bag.report("SG302", err.message, file.path, span, [names.length ? `Did you mean ${names.join(", ")}?` : "No table of the schema is close; is it created in schema/?"]);
    return;
  }
  const column = /^no such column: (.+)$/.exec(err.message);
  if (column) {
    const wanted = column[1].split(".").pop()!;
    const names = nearest(wanted, ctx.catalog.tables.flatMap((t) => t.columns.map((c) => c.name)));
    ctx.bag.report("SG303", err.message, file.path, span, [names.length ? `Did you mean ${names.join(", ")}?` : "Check the column against the schema."]);
    return;
  }
  const notes = ["This is SQLite's own message for the statement."];
  if (/\bFOR\s+UPDATE\b/i.test(file.text.slice(span.start - 40, span.end + 40)) || /near "(FOR|UPDATE|SKIP|LOCKED)"/.test(err.message)) {
    notes.push("SQLite has no row locks (FOR UPDATE / SKIP LOCKED). Lock the database for writing instead: run the read inside BEGIN IMMEDIATE (the generated runtime's immediate() helper).");
  }
  ctx.bag.report("SG301", err.message, file.path, span, notes);
}

/** One annotated statement → its QueryIR, with every problem recorded in the bag. */
import { withNullable } from "./value-type.js";
import { DiagnosticBag, type Span } from "../diagnostics/diagnostic.js";
import type { ModelIR, QueryIR, SqlPart, ValueType } from "../ir/query-ir.js";
import { renderSql } from "../ir/render-sql.js";
import type { Annotation } from "../parse/annotation.js";
import type { SelectBody, SelectCore, Statement } from "../parse/ast.js";
import { parseStatement } from "../parse/parse-statement.js";
import type { StatementChunk } from "../parse/split-statements.js";
import type { Catalog } from "../schema/catalog.js";
import { isSqliteError, type AnalysisDb, type ColumnMetadata } from "../sqlite/analysis-db.js";
import { lineColAt, type SourceFile } from "../source/source-file.js";
import { ParamHints } from "./param-hints.js";
import { queryIdentifiers } from "./naming.js";
import { buildParams } from "./params.js";
import { checkPlan, planSql } from "./query-plan.js";
import { aggregatesWithoutGroup } from "./aggregates.js";
import type { OutputColumn, Relations, StarExpansion } from "./relations.js";
import { alwaysOneRow, resultShape } from "./result-shape.js";
import { buildColumns } from "./result-columns.js";
import { rewriteSql } from "./rewrite-sql.js";
import { CteEnv, Scope } from "./scope.js";
import { reportSqliteError } from "./sqlite-errors.js";

export interface QueryContext {
  readonly db: AnalysisDb;
  readonly catalog: Catalog;
  readonly models: readonly ModelIR[];
  readonly relations: Relations;
  readonly bag: DiagnosticBag;
}

export function analyzeQuery(ctx: QueryContext, file: SourceFile, chunk: StatementChunk, annotation: Annotation): QueryIR | null {
  const statementSpan: Span = { start: chunk.start, end: chunk.end };
  const parsed = parseStatement(chunk.sql, chunk.start);
  if (!parsed.ok) {
    const err = ctx.db.prepare(chunk.sql);
    if (isSqliteError(err)) reportSqliteError(ctx, file, { sql: chunk.sql, base: chunk.start, toSource: (o) => o }, err);
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
    reportSqliteError(ctx, file, { sql: rewritten.analysisSql, base: chunk.start, toSource: rewritten.toSource }, meta);
    return null;
  }
  ctx.bag.addAll(paramBag);
  if ((annotation.command === "one" || annotation.command === "many") && meta.columns.length === 0) {
    ctx.bag.report("SG304", `:${annotation.command} query "${annotation.name}" returns no columns`, file.path, annotation.span, [
      "Use :exec, :execrows, :execlastid or :execresult for statements that return no rows, or add RETURNING.",
    ]);
    return null;
  }
  const stars = new Map<number, StarExpansion>();
  ctx.relations.onStar = (e) => {
    if (e.span.start >= statementSpan.start && e.span.end <= statementSpan.end) stars.set(e.span.start, e);
  };
  let inferred: OutputColumn[] | null;
  try {
    inferred = outputColumns(ctx.relations, statement, statementSpan);
  } finally {
    ctx.relations.onStar = null;
  }
  const returnsRows = annotation.command === "one" || annotation.command === "many";
  const { columns, fields } = buildColumns(meta.columns, inferred, ctx.catalog, file.path, statementSpan, returnsRows, ctx.bag);
  const result = resultShape(annotation.command, columns, fields, alwaysOneRow(statement, ctx.catalog), ctx.models);
  // Without a star there is nothing to expand, and nothing to prepare again.
  const parts = stars.size === 0 ? rewritten.parts : expandStars(ctx.db, rewritten.parts, meta.columns, () => rewriteSql(chunk.sql, chunk.start, occurrences, paramOf, params, embeds, stars).parts);
  const toPlan = planSql(parts);
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
    sql: parts,
    params,
    columns,
    result,
    lastId: annotation.command === "execlastid" ? lastIdType(ctx, statement) : null,
    plan,
  };
}

/** The type of the rowid an INSERT creates, when its table's INTEGER PRIMARY KEY maps it (bigint, a brand). */
function lastIdType(ctx: QueryContext, s: Statement): ValueType | null {
  const table = s.kind === "insert" ? ctx.catalog.table(s.table) : undefined;
  if (table === undefined || table.withoutRowid) return null;
  const keys = table.columns.filter((c) => c.primaryKey);
  // The rowid's alias: a lone INTEGER PRIMARY KEY (see read-catalog's isNotNull).
  if (keys.length !== 1 || keys[0]!.declType?.toUpperCase() !== "INTEGER" || !keys[0]!.notNull) return null;
  const t = ctx.relations.tableRelation(table.name, null, new CteEnv(null)).columns.find((c) => c.name === keys[0]!.name)?.type;
  return t && (t.mapping || t.brand) ? withNullable(t, false) : null;
}

/**
 * The SQL to run with its stars expanded, if SQLite agrees it returns the same columns (by name, in
 * order); else as written, where a column list could not say what the star does.
 */
function expandStars(db: AnalysisDb, written: readonly SqlPart[], columns: readonly ColumnMetadata[], expand: () => readonly SqlPart[]): readonly SqlPart[] {
  const expanded = expand();
  const meta = db.prepare(renderSql(expanded, () => "?"));
  if (isSqliteError(meta) || meta.columns.length !== columns.length || meta.columns.some((c, i) => c.name !== columns[i].name)) return written;
  return expanded;
}

/** The statement's result columns as the AST sees them, or null where it cannot tell. */
function outputColumns(relations: Relations, s: Statement, span: Span): OutputColumn[] | null {
  switch (s.kind) {
    case "select": {
      const env = relations.defineCtes(s.ctes, null, new CteEnv(null));
      const coreColumns = (core: SelectCore) => relations.outputColumns(core.columns, relations.coreScope(core, null, env), aggregatesWithoutGroup(core));
      if (s.body.kind === "core") return coreColumns(s.body);
      // A compound's columns are named by its first SELECT, and typed by all of them.
      let first: SelectBody = s.body;
      while (first.kind === "compound") first = first.left;
      const named = first.kind === "core" ? coreColumns(first) : [];
      return relations.selectColumns(s, null, new CteEnv(null)).map((c, i) => ({ ...c, span: named[i]?.span ?? span, embed: null, unknownFunction: null, unaliased: named[i]?.unaliased ?? null }));
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

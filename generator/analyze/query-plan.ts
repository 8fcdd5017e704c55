/**
 * Query plan assertions: `-- plan: uses <index>`, `-- plan: no-scan [<table>]` and
 * `-- plan: no-sort` in a query's comments are checked against SQLite's EXPLAIN QUERY PLAN on the
 * schema, so `npx gen` (and `gen check` in CI) fails when a query stops using its index.
 */
import type { DiagnosticBag } from "../diagnostics/diagnostic.js";
import type { SqlPart } from "../ir/query-ir.js";
import { renderSql } from "../ir/render-sql.js";
import type { PlanAssertionText } from "../parse/annotation.js";
import { assertNever, type FromItem, type SelectBody, type Statement } from "../parse/ast.js";
import { allSelects } from "../parse/walk.js";
import type { Catalog } from "../schema/catalog.js";
import { nearest } from "./suggest.js";

type PlanAssertion = { readonly kind: "uses"; readonly index: string } | { readonly kind: "no-scan"; readonly table: string | null } | { readonly kind: "no-sort" };

/** The SQL to plan and its number of placeholders: each list with two items, as at run time. */
export function planSql(parts: readonly SqlPart[]): { sql: string; variables: number } {
  let variables = 0;
  const sql = renderSql(parts, (p) => (p.kind === "list" ? ((variables += 2), "?, ?") : (variables++, "?")));
  return { sql, variables };
}

export function checkPlan(plan: readonly string[], assertions: readonly PlanAssertionText[], statement: Statement, catalog: Catalog, file: string, bag: DiagnosticBag): void {
  const shown = plan.map((line) => `  ${line}`).join("\n");
  for (const a of assertions) {
    const parsed = parseAssertion(a.text);
    if (typeof parsed === "string") {
      bag.report("SG602", parsed, file, a.span, ["Write `-- plan: uses <index>`, `-- plan: no-scan`, `-- plan: no-scan <table>` or `-- plan: no-sort`."]);
      continue;
    }
    const failure = failureOf(parsed, plan, statement, catalog);
    if (failure === "unknown-index") {
      const names = nearest(parsed.kind === "uses" ? parsed.index : "", catalog.tables.flatMap((t) => t.indexes.map((i) => i.name)));
      bag.report("SG602", `no index named ${(parsed as { index: string }).index}`, file, a.span, [names.length ? `Did you mean ${names.join(", ")}?` : "Create it in the schema."]);
    } else if (failure !== null) {
      bag.report("SG601", `query plan ${failure}`, file, a.span, [`SQLite's plan:\n${shown}`, "Add or fix an index, or rewrite the query; the assertion documents what the query relies on."]);
    }
  }
}

function parseAssertion(text: string): PlanAssertion | string {
  const [word, arg, ...rest] = text.split(/\s+/);
  if (rest.length > 0) return `unexpected words in plan assertion: ${rest.join(" ")}`;
  switch (word?.toLowerCase()) {
    case "uses":
      return arg ? { kind: "uses", index: arg } : "`plan: uses` needs an index name";
    case "no-scan":
      return { kind: "no-scan", table: arg ?? null };
    case "no-sort":
      return arg === undefined ? { kind: "no-sort" } : "`plan: no-sort` takes no argument";
    default:
      return `unknown plan assertion "${text}"`;
  }
}

/** Why the plan breaks the assertion, "unknown-index", or null when it holds. */
function failureOf(a: PlanAssertion, plan: readonly string[], statement: Statement, catalog: Catalog): string | null {
  switch (a.kind) {
    case "uses": {
      if (!catalog.tables.some((t) => t.indexes.some((i) => i.name.toLowerCase() === a.index.toLowerCase()))) return "unknown-index";
      const used = plan.some((line) => new RegExp(`\\bINDEX ${a.index}\\b`, "i").test(line));
      return used ? null : `does not use index ${a.index}`;
    }
    case "no-scan": {
      const tables = a.table === null ? tableNames(statement, catalog) : new Set([a.table.toLowerCase()]);
      const scans = plan.filter((line) => /^SCAN /.test(line) && tables.has(line.split(" ")[1].toLowerCase()));
      return scans.length === 0 ? null : `scans a whole table: ${scans.join("; ")}`;
    }
    case "no-sort": {
      const sorts = plan.filter((line) => line.includes("TEMP B-TREE"));
      return sorts.length === 0 ? null : `sorts with a temporary b-tree: ${sorts.join("; ")}`;
    }
    default:
      return assertNever(a);
  }
}

/** Names (aliases) under which the statement reads tables of the schema, as plans show them. */
function tableNames(s: Statement, catalog: Catalog): Set<string> {
  const selects = allSelects(s);
  const cteNames = new Set([...(s.kind === "other" ? [] : s.ctes), ...selects.flatMap((sel) => sel.ctes)].map((c) => c.name.toLowerCase()));
  const names = new Set<string>();
  const fromItem = (f: FromItem | null): void => {
    if (f?.kind === "table" && catalog.table(f.name) && !cteNames.has(f.name.toLowerCase())) names.add((f.alias ?? f.name).toLowerCase());
    else if (f?.kind === "join") [f.left, f.right].forEach(fromItem);
  };
  for (const sel of selects) {
    const bodies: SelectBody[] = [sel.body];
    for (let b = bodies.pop(); b !== undefined; b = bodies.pop()) {
      if (b.kind === "compound") bodies.push(b.left, b.right);
      else if (b.kind === "core") fromItem(b.from);
    }
  }
  if (s.kind === "update" || s.kind === "delete") names.add((s.alias ?? s.table).toLowerCase());
  if (s.kind === "update") fromItem(s.from);
  return names;
}

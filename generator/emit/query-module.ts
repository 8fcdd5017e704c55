/** generated/<file>.ts: for each query, its SQL, Params and Row types and a typed function. */
import { StructureKind, VariableDeclarationKind, type StatementStructures } from "ts-morph";
import type { ModuleIR, ParamIR, QueryIdentifiers, QueryIR, RowField } from "../ir/query-ir.js";
import { placeholders, renderSql } from "../ir/render-sql.js";
import { docText } from "./safe-text.js";
import { bindValue, readValue, sqlLiteral, typeText } from "./ts-text.js";

export function emitQueryModule(module: ModuleIR): StatementStructures[] {
  const out: StatementStructures[] = [];
  const queries = module.queries;
  const runtime = new Set<string>(["type Database"]);
  const models = new Set<string>();
  for (const q of queries) {
    runtime.add(hasLists(q) ? "cachedSliced" : "cached");
    if (hasLists(q)) runtime.add("padSlice");
    if (q.command === "execresult") runtime.add("type ExecResult");
    for (const f of q.row) if (f.kind === "embed") models.add(f.model);
  }
  out.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: "./db.js", namedImports: [...runtime].sort(byName) });
  if (models.size > 0 && queries.some((q) => returnsRows(q))) {
    out.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: "./models.js", isTypeOnly: true, namedImports: [...models].sort() });
  }
  for (const q of queries) emitQuery(out, q);
  return out;
}

function byName(a: string, b: string): number {
  return a.replace(/^type /, "").localeCompare(b.replace(/^type /, ""));
}

function returnsRows(q: QueryIR): boolean {
  return (q.command === "one" || q.command === "many") && q.row.length > 0;
}

function hasLists(q: QueryIR): boolean {
  return q.params.some((p) => p.list);
}

function emitQuery(out: StatementStructures[], q: QueryIR): void {
  const n = q.identifiers;
  const lists = q.params.filter((p) => p.list);
  out.push({ kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: [lists.length ? `SQL of ${q.name}: text, and where each sqlc.slice list goes, its number in the lists (${lists.map((p, i) => `${i} = ${p.name}`).join(", ")}).` : `SQL of ${q.name}.`],
    declarations: [{ name: n.sql, initializer: lists.length ? slicedSqlLiteral(q, lists) : sqlLiteral(renderSql(q.sql, () => "?")) }],
  });
  if (q.params.length > 0) {
    out.push({ kind: StructureKind.Interface, name: n.params, isExported: true, properties: q.params.map((p) => ({ name: p.field, type: paramType(p) })) });
  }
  if (returnsRows(q)) {
    out.push({ kind: StructureKind.Interface, name: n.row, isExported: true, properties: q.row.map((f) => ({ name: f.field, type: fieldType(f) })) });
  }
  const raw = returnsRows(q);
  const values = placeholders(q.sql).filter((p) => p.kind === "value").length;
  const initializer = lists.length === 0 ? `cached(${n.sql}, ${raw})` : `cachedSliced(${n.sql}, ${JSON.stringify(lists.map((p) => p.name))}, ${values}, ${raw})`;
  out.push({ kind: StructureKind.VariableStatement, declarationKind: VariableDeclarationKind.Const, declarations: [{ name: n.statement, initializer }] });
  if (returnsRows(q)) {
    out.push({ kind: StructureKind.Function,
      name: n.mapper,
      parameters: [{ name: "r", type: "unknown[]" }],
      returnType: n.row,
      statements: [`return {\n${q.row.map((f) => `  ${f.field}: ${fieldValue(f)},`).join("\n")}\n};`],
    });
  }
  emitFunction(out, q, n, false);
  if (q.command === "many" && returnsRows(q)) emitFunction(out, q, n, true);
}

/** The SQL that runs, for a query with lists: text parts, and each list's number where it goes. */
function slicedSqlLiteral(q: QueryIR, lists: readonly ParamIR[]): string {
  const items: string[] = [];
  let text = "";
  for (const part of q.sql) {
    if (part.kind === "text") text += part.text;
    else if (part.kind === "value") text += "?";
    else {
      items.push(sqlLiteral(text), String(lists.indexOf(q.params[part.param])));
      text = "";
    }
  }
  items.push(sqlLiteral(text));
  return `[${items.join(", ")}] as const`;
}

function emitFunction(out: StatementStructures[], q: QueryIR, n: QueryIdentifiers, iterate: boolean): void {
  const lists = q.params.filter((p) => p.list);
  const pre = lists.map((p) => `const ${local(p)} = padSlice(${p.type.ts === "boolean" ? `params.${p.field}.map((v) => ${bindValue("v", p.type)})` : `params.${p.field}`}, ${JSON.stringify(p.name)});`);
  const args = placeholders(q.sql)
    .map((part) => {
      const p = q.params[part.param];
      return part.kind === "list" ? `...${local(p)}` : bindValue(`params.${p.field}`, p.type);
    })
    .join(", ");
  const stmt = lists.length === 0 ? `${n.statement}(db)` : `${n.statement}(db, [${lists.map((p) => `${local(p)}.length`).join(", ")}])`;
  const [returnType, body] = iterate ? [`Generator<${n.row}, void, undefined>`, [`for (const r of ${stmt}.iterate(${args})) yield ${n.mapper}(r as unknown[]);`]] : bodyFor(q, n, stmt, args);
  const docs = [...q.docs, ...(q.docs.length ? [""] : []), `\`:${q.command}\` query \`${q.name}\` (${q.file}:${q.line})${iterate ? ", returning rows one at a time" : ""}.`];
  out.push({ kind: StructureKind.Function,
    name: iterate ? n.iterate : n.fn,
    isExported: true,
    isGenerator: iterate,
    docs: [docText(docs)],
    parameters: [{ name: "db", type: "Database" }, ...(q.params.length > 0 ? [{ name: "params", type: n.params }] : [])],
    returnType,
    statements: [...pre, ...body],
  });
}

function bodyFor(q: QueryIR, n: QueryIdentifiers, stmt: string, args: string): [string, string[]] {
  switch (q.command) {
    case "one":
      return [`${n.row} | undefined`, [`const r = ${stmt}.get(${args}) as unknown[] | undefined;`, `return r === undefined ? undefined : ${n.mapper}(r);`]];
    case "many":
      return [
        `${n.row}[]`,
        [
          `const rows = ${stmt}.all(${args}) as unknown[][];`,
          `const out: ${n.row}[] = new Array(rows.length);`,
          `for (let i = 0; i < rows.length; i++) out[i] = ${n.mapper}(rows[i]);`,
          "return out;",
        ],
      ];
    case "exec":
      return ["void", [`${stmt}.run(${args});`]];
    case "execrows":
      return ["number", [`return ${stmt}.run(${args}).changes;`]];
    case "execlastid":
      return ["number", [`return Number(${stmt}.run(${args}).lastInsertRowid);`]];
    case "execresult":
      return ["ExecResult", [`const result = ${stmt}.run(${args});`, "return { changes: result.changes, lastInsertRowid: Number(result.lastInsertRowid) };"]];
  }
}

function local(p: ParamIR): string {
  return `${p.field}Values`;
}

function paramType(p: ParamIR): string {
  if (!p.list) return typeText(p.type);
  return p.type.nullable ? `readonly (${p.type.ts} | null)[]` : `readonly ${p.type.ts}[]`;
}

function fieldType(f: RowField): string {
  if (f.kind === "column") return typeText(f.type);
  return f.nullable ? `${f.model} | null` : f.model;
}

function fieldValue(f: RowField): string {
  if (f.kind === "column") return readValue(f.index, f.type);
  const object = `{ ${f.fields.map((x) => `${x.field}: ${readValue(x.index, x.type)}`).join(", ")} }`;
  return f.nullable && f.presenceIndex !== null ? `r[${f.presenceIndex}] === null ? null : ${object}` : object;
}

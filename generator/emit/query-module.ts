/** generated/<file>.ts: for each query, its SQL, Params and Row types and a typed function. */
import type { ModuleIR, ParamIR, QueryIdentifiers, QueryIR, RowField } from "../ir/query-ir.js";
import { placeholders, renderSql } from "../ir/render-sql.js";
import type { DriverProfile } from "../targets/drivers.js";
import { docText } from "./safe-text.js";
import { constDecl, functionDecl, importDecl, interfaceDecl, moduleText } from "./ts-printer.js";
import { bindValue, readValue, sqlLiteral, typeText } from "./ts-text.js";

/** The module's text (without the generated-file header). */
export function emitQueryModule(module: ModuleIR, driver: DriverProfile): string {
  const imports: string[] = [];
  const out: string[] = [];
  const queries = module.queries;
  const runtime = new Set<string>(queries.length > 0 ? ["type Database"] : []);
  const models = new Set<string>();
  for (const q of queries) {
    runtime.add(hasLists(q) ? "SliceQuery" : "PlainQuery");
    if (hasLists(q)) runtime.add("type SqlParts");
    if (q.command === "execresult") runtime.add("type ExecResult");
    for (const f of q.row) if (f.kind === "embed") models.add(f.model);
  }
  if (runtime.size > 0) imports.push(importDecl([...runtime].sort(byName), "./db.js"));
  if (models.size > 0 && queries.some((q) => returnsRows(q))) imports.push(importDecl([...models].sort(), "./models.js", true));
  for (const q of queries) emitQuery(out, q, driver.async);
  return moduleText(imports, out);
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

function emitQuery(out: string[], q: QueryIR, async: boolean): void {
  const n = q.identifiers;
  const sliced = hasLists(q);
  out.push(constDecl({
    exported: true,
    doc: `SQL of ${q.name}${sliced ? ", in parts: each { value } is one placeholder, each { list } as many as the list has values" : ""}.`,
    name: n.sql,
    ...(sliced ? { type: "SqlParts" } : {}),
    value: sliced ? sqlPartsLiteral(q) : sqlLiteral(renderSql(q.sql, () => "?")),
  }));
  if (q.params.length > 0) {
    out.push(interfaceDecl({ name: n.params, exported: true, properties: q.params.map((p) => ({ name: p.field, type: paramType(p) })) }));
  }
  if (returnsRows(q)) {
    out.push(interfaceDecl({ name: n.row, exported: true, properties: q.row.map((f) => ({ name: f.field, type: fieldType(f) })) }));
  }
  const kinds = q.params.length > 0 ? `{ ${q.params.map((p) => `${p.field}: "${paramKind(p)}"`).join(", ")} }` : "{}";
  out.push(constDecl({ name: n.statement, value: `new ${sliced ? "SliceQuery" : "PlainQuery"}(${n.sql}, ${JSON.stringify(q.name)}, ${kinds}, ${returnsRows(q)})` }));
  if (returnsRows(q)) {
    out.push(functionDecl({
      name: n.mapper,
      parameters: [{ name: "r", type: "unknown[]" }],
      returnType: n.row,
      body: [`return {\n${q.row.map((f) => `  ${f.field}: ${fieldValue(f)},`).join("\n")}\n};`],
    }));
  }
  emitFunction(out, q, n, async ? "async" : "sync");
  // Async drivers stream no rows: their clients fetch a result whole (see the README's driver table).
  if (q.command === "many" && returnsRows(q) && !async) emitFunction(out, q, n, "iterate");
}

/** A query with lists, as the runtime's SqlParts: text, and each placeholder a `{ value }` or `{ list }` naming its params field. */
function sqlPartsLiteral(q: QueryIR): string {
  const items = q.sql.map((part) => (part.kind === "text" ? sqlLiteral(part.text) : `{ ${part.kind}: ${JSON.stringify(q.params[part.param].field)} }`));
  return `[\n${items.map((i) => `  ${i},`).join("\n")}\n]`;
}

/** The three functions a query can get: a sync or an async one, and a sync one yielding rows. */
type Flavour = "sync" | "async" | "iterate";

function emitFunction(out: string[], q: QueryIR, n: QueryIdentifiers, flavour: Flavour): void {
  const iterate = flavour === "iterate";
  const body = iterate ? { returnType: `Generator<${n.row}, void, undefined>`, statements: [`return ${iterateCall(q, n)};`] } : bodyFor(q, n, calls(q, n, flavour === "async"));
  const docs = [...q.docs, ...(q.docs.length ? [""] : []), `\`:${q.command}\` query \`${q.name}\` (${q.file}:${q.line})${iterate ? ", returning rows one at a time" : ""}.`];
  out.push(functionDecl({
    name: iterate ? n.iterate : n.fn,
    exported: true,
    doc: docText(docs),
    parameters: [{ name: "db", type: "Database" }, ...(q.params.length > 0 ? [{ name: "params", type: n.params }] : [])],
    async: flavour === "async",
    returnType: flavour === "async" ? `Promise<${body.returnType}>` : body.returnType,
    body: body.statements,
  }));
}

/** How a generated function calls the runtime: queries with lists bind from `params` in the runtime. */
interface Calls {
  readonly get: string;
  readonly all: string;
  readonly run: string;
}

function calls(q: QueryIR, n: QueryIdentifiers, async: boolean): Calls {
  const params = q.params.length > 0 ? "params" : "undefined";
  // Queries with lists bind in the runtime (which needs the lists' lengths); the others pass values.
  const args = hasLists(q) ? "" : valueArgs(q);
  const invoke = (method: string) => `${n.statement}.${method}(db, ${params}${args ? `, ${args}` : ""})`;
  // Parenthesised, so that `.changes` and `.lastInsertRowid` read the awaited result.
  const call = (method: string) => (async ? `(await ${invoke(method)})` : invoke(method));
  const viaRuntime = { get: call("get"), all: call("all"), run: call("run") };
  // Async runtimes, and statements of lists, have no statement to hand back.
  if (async || hasLists(q)) return viaRuntime;
  const statement = `${n.statement}.statement(db${q.params.length > 0 ? ", params" : ""})`;
  return { ...viaRuntime, get: `${statement}.get(${args})`, all: `${statement}.all(${args})` };
}

function iterateCall(q: QueryIR, n: QueryIdentifiers): string {
  const params = q.params.length > 0 ? "params" : "undefined";
  return hasLists(q) ? `${n.statement}.iterate(db, ${params}, ${n.mapper})` : `${n.statement}.iterate(db, ${params}, [${valueArgs(q)}], ${n.mapper})`;
}

/** The arguments of a query without lists, one per placeholder in binding order. */
function valueArgs(q: QueryIR): string {
  return placeholders(q.sql)
    .map((part) => bindValue(`params.${q.params[part.param].field}`, q.params[part.param].type))
    .join(", ");
}

function bodyFor(q: QueryIR, n: QueryIdentifiers, c: Calls): { returnType: string; statements: string[] } {
  switch (q.command) {
    case "one":
      return { returnType: `${n.row} | undefined`, statements: [`const r = ${c.get} as unknown[] | undefined;`, `return r === undefined ? undefined : ${n.mapper}(r);`] };
    case "many":
      return {
        returnType: `${n.row}[]`,
        statements: [
          `const rows = ${c.all} as unknown[][];`,
          `const out: ${n.row}[] = new Array(rows.length);`,
          `for (let i = 0; i < rows.length; i++) out[i] = ${n.mapper}(rows[i]!);`,
          "return out;",
        ],
      };
    case "exec":
      return { returnType: "void", statements: [`${c.run};`] };
    case "execrows":
      return { returnType: "number", statements: [`return ${c.run}.changes;`] };
    case "execlastid":
      return { returnType: "number", statements: [`return Number(${c.run}.lastInsertRowid);`] };
    case "execresult":
      return { returnType: "ExecResult", statements: [`const result = ${c.run};`, "return { changes: result.changes, lastInsertRowid: Number(result.lastInsertRowid) };"] };
  }
}

/** The runtime's ParamKind of a parameter. */
function paramKind(p: ParamIR): string {
  const base = p.type.ts === "Uint8Array" ? "blob" : p.type.ts;
  return `${base}${p.type.nullable ? "?" : ""}${p.list ? "[]" : ""}`;
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

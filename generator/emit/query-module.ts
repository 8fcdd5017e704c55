/** generated/<file>.ts: for each query, its SQL, Params and Row types and a typed function. */
import type { ModuleIR, ParamIR, QueryIdentifiers, QueryIR, ResultIR, RowField, ValueType } from "../ir/query-ir.js";
import { placeholders, renderSql } from "../ir/render-sql.js";
import type { DriverProfile } from "../targets/drivers.js";
import { docText } from "./safe-text.js";
import { constDecl, functionDecl, importDecl, interfaceDecl, moduleText, typeDecl } from "./ts-printer.js";
import { bindValue, Imports, kindOf, readValue, sqlLiteral, typeText } from "./ts-text.js";

/**
 * Object.prototype's members. TypeScript types a literal under such a key (`constructor: "string"`)
 * by the member's type, not by the record it is passed as, so that literal is written `as const`.
 */
const prototypeMembers = new Set(Object.getOwnPropertyNames(Object.prototype));

/** The module's text (without the generated-file header). */
export function emitQueryModule(module: ModuleIR, driver: DriverProfile): string {
  const out: string[] = [];
  const queries = module.queries;
  const needs = new Imports();
  if (queries.length > 0) needs.runtime.add("type Database");
  for (const q of queries) {
    needs.runtime.add(hasLists(q) ? "SliceQuery" : "PlainQuery");
    if (hasLists(q)) needs.runtime.add("type SqlParts");
    if (q.command === "execresult") needs.runtime.add("type ExecResult");
    if (q.result.kind !== "row") continue;
    if (q.result.model !== null) needs.models.add(q.result.model);
    else for (const f of q.result.fields) if (f.kind === "embed") needs.models.add(f.model);
  }
  for (const q of queries) emitQuery(out, q, driver.async, needs);
  return moduleText(importLines(needs), out);
}

function importLines(needs: Imports): string[] {
  const lines: string[] = [];
  if (needs.runtime.size > 0) lines.push(importDecl([...needs.runtime].sort(byName), "./db.js"));
  if (needs.models.size > 0) lines.push(importDecl([...needs.models].sort(), "./models.js", true));
  for (const [from, names] of [...needs.user].sort(([a], [b]) => a.localeCompare(b))) lines.push(importDecl([...names].sort(), from, true));
  return lines;
}

function byName(a: string, b: string): number {
  return a.replace(/^type /, "").localeCompare(b.replace(/^type /, ""));
}

function returnsRows(q: QueryIR): boolean {
  return q.result.kind !== "none";
}

/** The TypeScript type of one result: the Row type, or the value's own type for one column. */
function resultType(q: QueryIR, needs: Imports): string {
  return q.result.kind === "scalar" ? typeText(q.result.type, needs) : q.identifiers.row;
}

function hasLists(q: QueryIR): boolean {
  return q.params.some((p) => p.list);
}

function emitQuery(out: string[], q: QueryIR, async: boolean, needs: Imports): void {
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
    out.push(interfaceDecl({ name: n.params, exported: true, properties: q.params.map((p) => ({ name: p.field, type: paramType(p, needs) })) }));
  }
  const result = q.result;
  if (result.kind === "row" && result.model !== null) {
    out.push(typeDecl({ name: n.row, exported: true, doc: `A row of ${q.name}: exactly the model ${result.model}.`, type: result.model }));
  } else if (result.kind === "row") {
    out.push(interfaceDecl({ name: n.row, exported: true, properties: result.fields.map((f) => ({ name: f.field, type: fieldType(f, needs) })) }));
  }
  const kinds = q.params.length > 0 ? `{ ${q.params.map((p) => `${p.field}: "${paramKind(p)}"${prototypeMembers.has(p.field) ? " as const" : ""}`).join(", ")} }` : "{}";
  const bigints = readsBigints(q) || q.lastId?.mapping?.kind === "bigint";
  out.push(constDecl({ name: n.statement, value: `new ${sliced ? "SliceQuery" : "PlainQuery"}(${n.sql}, ${JSON.stringify(q.name)}, ${kinds}, ${returnsRows(q)}${bigints ? ", true" : ""})` }));
  if (result.kind !== "none") {
    out.push(functionDecl({ name: n.mapper, parameters: [{ name: "r", type: "unknown[]" }], returnType: resultType(q, needs), body: [`return ${mapped(result, needs, bigints)};`] }));
  }
  emitFunction(out, q, n, async ? "async" : "sync", needs);
  // Async drivers stream no rows: their clients fetch a result whole (see the README's driver table).
  if (q.command === "many" && returnsRows(q) && !async) emitFunction(out, q, n, "iterate", needs);
}

/** A query with lists, as the runtime's SqlParts: text, and each placeholder a `{ value }` or `{ list }` naming its params field. */
function sqlPartsLiteral(q: QueryIR): string {
  const items = q.sql.map((part) => (part.kind === "text" ? sqlLiteral(part.text) : `{ ${part.kind}: ${JSON.stringify(q.params[part.param].field)} }`));
  return `[\n${items.map((i) => `  ${i},`).join("\n")}\n]`;
}

/** The three functions a query can get: a sync or an async one, and a sync one yielding rows. */
type Flavour = "sync" | "async" | "iterate";

function emitFunction(out: string[], q: QueryIR, n: QueryIdentifiers, flavour: Flavour, needs: Imports): void {
  const iterate = flavour === "iterate";
  const body = iterate ? { returnType: `Generator<${resultType(q, needs)}, void, undefined>`, statements: [`return ${iterateCall(q, n, needs)};`] } : bodyFor(q, n, calls(q, n, flavour === "async", needs), needs);
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

function calls(q: QueryIR, n: QueryIdentifiers, async: boolean, needs: Imports): Calls {
  const params = q.params.length > 0 ? "params" : "undefined";
  // Queries with lists bind in the runtime (which needs the lists' lengths); the others pass values.
  const args = hasLists(q) ? "" : valueArgs(q, needs);
  const invoke = (method: string) => `${n.statement}.${method}(db, ${params}${args ? `, ${args}` : ""})`;
  // Parenthesised, so that `.changes` and `.lastInsertRowid` read the awaited result.
  const call = (method: string) => (async ? `(await ${invoke(method)})` : invoke(method));
  const viaRuntime = { get: call("get"), all: call("all"), run: call("run") };
  // Async runtimes, and statements of lists, have no statement to hand back.
  if (async || hasLists(q)) return viaRuntime;
  const statement = `${n.statement}.statement(db${q.params.length > 0 ? ", params" : ""})`;
  return { ...viaRuntime, get: `${statement}.get(${args})`, all: `${statement}.all(${args})` };
}

function iterateCall(q: QueryIR, n: QueryIdentifiers, needs: Imports): string {
  const params = q.params.length > 0 ? "params" : "undefined";
  return hasLists(q) ? `${n.statement}.iterate(db, ${params}, ${n.mapper})` : `${n.statement}.iterate(db, ${params}, [${valueArgs(q, needs)}], ${n.mapper})`;
}

/** The arguments of a query without lists, one per placeholder in binding order. */
function valueArgs(q: QueryIR, needs: Imports): string {
  return placeholders(q.sql)
    .map((part) => bindValue(`params.${q.params[part.param].field}`, q.params[part.param].type, needs))
    .join(", ");
}

function bodyFor(q: QueryIR, n: QueryIdentifiers, c: Calls, needs: Imports): { returnType: string; statements: string[] } {
  switch (q.command) {
    case "one": {
      const get = `const r = ${c.get} as unknown[] | undefined;`;
      // A row the statement always returns: still checked, so that a driver that returned none fails loudly.
      if (q.result.kind !== "none" && q.result.always) {
        return { returnType: resultType(q, needs), statements: [get, `if (r === undefined) throw new Error(${JSON.stringify(`${q.name} returned no row, though its statement always returns one`)});`, `return ${n.mapper}(r);`] };
      }
      return { returnType: `${resultType(q, needs)} | undefined`, statements: [get, `return r === undefined ? undefined : ${n.mapper}(r);`] };
    }
    case "many":
      return {
        returnType: arrayOf(resultType(q, needs)),
        statements: [
          `const rows = ${c.all} as unknown[][];`,
          `const out: ${arrayOf(resultType(q, needs))} = new Array(rows.length);`,
          `for (let i = 0; i < rows.length; i++) out[i] = ${n.mapper}(rows[i]!);`,
          "return out;",
        ],
      };
    case "exec":
      return { returnType: "void", statements: [`${c.run};`] };
    case "execrows":
      return { returnType: "number", statements: [`return ${c.run}.changes;`] };
    case "execlastid":
      if (q.lastId !== null) {
        // Read by a statement in bigint mode when the id is a bigint: exact beyond 2^53.
        const id = q.lastId.mapping?.kind === "bigint" ? `BigInt(${c.run}.lastInsertRowid)` : `Number(${c.run}.lastInsertRowid)`;
        return { returnType: typeText(q.lastId, needs), statements: [`return ${id} as ${typeText(q.lastId, needs)};`] };
      }
      return { returnType: "number", statements: [`return Number(${c.run}.lastInsertRowid);`] };
    case "execresult":
      return { returnType: "ExecResult", statements: [`const result = ${c.run};`, "return { changes: result.changes, lastInsertRowid: Number(result.lastInsertRowid) };"] };
  }
}

/** The runtime's ParamKind of a parameter. */
function paramKind(p: ParamIR): string {
  return `${kindOf(p.type)}${p.type.nullable ? "?" : ""}${p.list ? "[]" : ""}`;
}

function paramType(p: ParamIR, needs: Imports): string {
  return p.list ? `readonly ${arrayOf(typeText(p.type, needs))}` : typeText(p.type, needs);
}

/** `T[]`, parenthesised for a union: `(string | null)[]`. */
function arrayOf(type: string): string {
  return type.includes(" ") ? `(${type})[]` : `${type}[]`;
}

function fieldType(f: RowField, needs: Imports): string {
  if (f.kind === "column") return typeText(f.type, needs);
  return f.nullable ? `${f.model} | null` : f.model;
}

/**
 * Whether the query reads a bigint-mapped column: its statement then reads every integer as
 * bigint (the driver's safe-integer mode), and other numbers are turned back into numbers.
 */
function readsBigints(q: QueryIR): boolean {
  return resultTypes(q.result).some((t) => t.mapping?.kind === "bigint");
}

function resultTypes(r: ResultIR): ValueType[] {
  switch (r.kind) {
    case "none":
      return [];
    case "scalar":
      return [r.type];
    case "row":
      return r.fields.flatMap((f) => (f.kind === "column" ? [f.type] : f.fields.map((x) => x.type)));
  }
}

/** The mapper's result from raw row `r`. */
function mapped(result: Exclude<ResultIR, { kind: "none" }>, needs: Imports, bigints: boolean): string {
  if (result.kind === "scalar") return readValue(0, result.type, needs, bigints);
  return `{\n${result.fields.map((f) => `  ${f.field}: ${fieldValue(f, needs, bigints)},`).join("\n")}\n}`;
}

function fieldValue(f: RowField, needs: Imports, bigints: boolean): string {
  if (f.kind === "column") return readValue(f.index, f.type, needs, bigints);
  const object = `{ ${f.fields.map((x) => `${x.field}: ${readValue(x.index, x.type, needs, bigints)}`).join(", ")} }`;
  return f.nullable && f.presenceIndex !== null ? `r[${f.presenceIndex}] === null ? null : ${object}` : object;
}

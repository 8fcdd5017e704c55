/**
 * node:sqlite's capability row (generator/targets/node-sqlite.ts) checked against the real driver
 * inside Node 22 and Node 24, as targets.test.ts does for better-sqlite3: every difference from
 * the WASM analysis build is listed, every listed entry is real, and the analysis answers each
 * entry as the driver does. One row serves both Node lines: what either lacks counts as missing.
 */
import sqlite3InitModule from "@sqlite.org/sqlite-wasm";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnalysisDb, isSqliteError } from "../sqlite/analysis-db.js";
import { drivers } from "../targets/drivers.js";
import type { ProbeAnswer, ProbeRequest } from "./support/node-sqlite-probe.js";
import { compiled, runIn } from "./support/run-in-runtime.js";

const target = drivers["node:sqlite"].capabilities;
const runtimes = ["node22", "node24"] as const;
let wasm: InstanceType<Awaited<ReturnType<typeof sqlite3InitModule>>["oo1"]["DB"]>;
let analysis: AnalysisDb;
let probe: string;

beforeAll(async () => {
  wasm = new (await sqlite3InitModule()).oo1.DB(":memory:", "c");
  analysis = await AnalysisDb.open(target);
  probe = join(await compiled([new URL("./support/node-sqlite-probe.ts", import.meta.url).pathname]), "node-sqlite-probe.js");
});
afterAll(() => {
  analysis.close();
  wasm.close();
});

function ask(runtime: (typeof runtimes)[number], request: Partial<ProbeRequest>): ProbeAnswer {
  const ran = runIn(runtime, probe, [JSON.stringify({ setup: "", prepare: [], query: [], ...request })], ["--disable-warning=ExperimentalWarning"]);
  expect(ran.stderr).toBe("");
  return JSON.parse(ran.stdout) as ProbeAnswer;
}

const functions = "SELECT name || '/' || narg FROM pragma_function_list";
const modules = "SELECT name FROM pragma_module_list";
const onWasm = (sql: string): Set<string> => new Set(wasm.selectValues(sql) as string[]);
const minus = (a: Set<string>, b: Set<string>): string[] => [...a].filter((x) => !b.has(x)).sort();
const names = (list: readonly string[]): string[] => [...new Set(list.map((f) => f.split("/")[0]!))].sort();

function analysisSays(sql: string): { message: string; missingOn?: string } {
  const r = analysis.prepare(sql);
  return isSqliteError(r) ? r : { message: "ok" };
}

/** Percentile functions: Node 24 builds with ENABLE_PERCENTILE, Node 22 does not. */
const onlyNode24 = ["median", "percentile", "percentile_cont", "percentile_disc"];
/** A call of a function the analysis has, with as many arguments as it takes. */
const call = (f: string): string => `SELECT ${f}(1${f.startsWith("percentile") ? ", 50" : ""})`;

describe.each(runtimes)("node:sqlite on %s", (runtime) => {
  it("bundles the SQLite version the row names, and lists exactly the functions and modules it adds and lacks", () => {
    const [version, fns, mods] = ask(runtime, { query: ["SELECT sqlite_version()", functions, modules] }).rows.map((r) => new Set(r.map((x) => String(x[0]))));
    expect([...version!]).toEqual([target.sqliteVersion]);
    expect(minus(fns!, onWasm(functions))).toEqual(target.addedFunctions.flatMap((f) => f.arities.map((n) => `${f.name}/${n}`)).sort());
    // `unknown` is WASM's ENABLE_UNKNOWN_SQL_FUNCTION placeholder, used by EXPLAIN only: never callable.
    const lacked = names(minus(onWasm(functions), fns!).filter((f) => f !== "unknown/-1"));
    const expectedLacked = runtime === "node22" ? target.missingFunctions : target.missingFunctions.filter((f) => !onlyNode24.includes(f));
    expect(lacked).toEqual([...expectedLacked].sort());
    expect(minus(mods!, onWasm(modules))).toEqual([...target.addedModules].sort());
    expect(minus(onWasm(modules), mods!)).toEqual([...target.missingTables].sort());
  });

  it("accepts a call of every added function, as the analysis does", () => {
    const calls = target.addedFunctions.flatMap((f) => f.arities.map((n) => `SELECT ${f.name}(${Array.from({ length: Math.max(n, 1) }, () => "NULL").join(", ")})`));
    expect(ask(runtime, { prepare: calls }).prepared).toEqual(calls.map(() => "ok"));
    for (const sql of calls) expect([sql, analysisSays(sql).message]).toEqual([sql, "ok"]);
  });

  it("refuses what it lacks with the message the analysis gives, naming the driver", () => {
    const missing = target.missingFunctions.filter((f) => runtime === "node22" || !onlyNode24.includes(f));
    const statements = [...missing.map(call), ...target.missingTables.map((t) => `SELECT * FROM ${t}${t === "bytecode" || t === "tables_used" ? "('SELECT 1')" : ""}`)];
    const said = ask(runtime, { prepare: statements }).prepared;
    statements.forEach((sql, i) => {
      expect(said[i], sql).not.toBe("ok");
      expect(analysisSays(sql), sql).toEqual({ message: said[i], byteOffset: expect.any(Number), missingOn: "node:sqlite" });
    });
  });

  it("stands in for each added module with the columns the driver's module declares", () => {
    const created = ["CREATE VIRTUAL TABLE a USING fts3(title, body TEXT, tokenize=porter)", 'CREATE VIRTUAL TABLE b USING fts4(title, "the body", languageid="lid")', "CREATE VIRTUAL TABLE d USING fts4aux(b)", "CREATE VIRTUAL TABLE e USING fts3tokenize(simple)", "CREATE VIRTUAL TABLE f USING geopoly(name, kind)"];
    expect(new Set(created.map((s) => /USING (\w+)/.exec(s)![1]))).toEqual(new Set(target.addedModules));
    const columns = (t: string) => `SELECT name, hidden FROM pragma_table_xinfo('${t}')`;
    const tables = created.map((s) => /TABLE (\w+)/.exec(s)![1]!);
    const onDriver = ask(runtime, { setup: created.join(";\n"), query: tables.map(columns) }).rows;
    for (const sql of created) expect(analysis.execute(sql), sql).toBeNull();
    tables.forEach((t, i) => expect(analysis.query(columns(t)).map((r) => [r.name, r.hidden]), t).toEqual(onDriver[i]));
    analysis.execute(tables.map((t) => `DROP TABLE ${t}`).join(";"));
  });

  it("has no UPDATE/DELETE … LIMIT, as the analysis says; has Tcl-style parameters", () => {
    const statements = ["DELETE FROM lim WHERE n < ? ORDER BY n LIMIT ?", "UPDATE lim SET n = ? LIMIT 1", "SELECT $a::b, $c(1)"];
    const said = ask(runtime, { setup: "CREATE TABLE lim (id INTEGER PRIMARY KEY, n INTEGER)", prepare: statements }).prepared;
    expect(analysis.execute("CREATE TABLE lim (id INTEGER PRIMARY KEY, n INTEGER)")).toBeNull();
    expect(target.updateDeleteLimit).toBe(false);
    expect(target.tclVariables).toBe(true);
    expect(said).toEqual(['near "ORDER": syntax error', 'near "LIMIT": syntax error', "ok"]);
    statements.forEach((sql, i) => expect(analysisSays(sql).message, sql).toBe(said[i]));
    analysis.execute("DROP TABLE lim");
  });
});

it("Node 24 has the percentile functions Node 22 lacks, so the row counts them missing", () => {
  const calls = onlyNode24.map(call);
  expect(ask("node22", { prepare: calls }).prepared).toEqual(onlyNode24.map((f) => `no such function: ${f}`));
  expect(ask("node24", { prepare: calls }).prepared).toEqual(calls.map(() => "ok"));
  for (const f of onlyNode24) expect(target.missingFunctions).toContain(f);
});

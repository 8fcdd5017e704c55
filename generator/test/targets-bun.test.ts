/**
 * bun:sqlite's capability table (generator/targets/bun-sqlite.ts) checked against the SQLite
 * inside Bun itself (spawned, see support/bun-probe.ts): every difference from the WASM analysis
 * build is listed, every listed entry is real, the analysis answers each entry as Bun does, and
 * the variable limit is Bun's.
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import sqlite3InitModule from "@sqlite.org/sqlite-wasm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_VARIABLES } from "../runtime/bun-sqlite.js";
import { AnalysisDb, isSqliteError } from "../sqlite/analysis-db.js";
import { drivers } from "../targets/drivers.js";
import { compileForBun, runInBun } from "./support/bun.js";
import type { ProbeAnswer, ProbeStep } from "./support/bun-probe.js";

const target = drivers["bun:sqlite"].capabilities;
let wasm: InstanceType<Awaited<ReturnType<typeof sqlite3InitModule>>["oo1"]["DB"]>;
let analysis: AnalysisDb;
let adapterJs = "";
let probeJs = "";

beforeAll(async () => {
  wasm = new (await sqlite3InitModule()).oo1.DB(":memory:", "c");
  analysis = await AnalysisDb.open(target);
  [adapterJs, probeJs] = compileForBun([fileURLToPath(new URL("./conformance/adapters/bun-sqlite.ts", import.meta.url)), fileURLToPath(new URL("./support/bun-probe.ts", import.meta.url))]) as [string, string];
});
afterAll(() => {
  analysis.close();
  wasm.close();
});

/** Bun's answers to the steps, in order, from one fresh connection. */
async function bun(steps: readonly ProbeStep[]): Promise<ProbeAnswer[]> {
  const job = join(dirname(probeJs), `job-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(job, JSON.stringify(steps));
  return (await runInBun(probeJs, [adapterJs, job])) as ProbeAnswer[];
}
const said = (a: ProbeAnswer): string => ("error" in a ? a.error : "ok");
const rows = (a: ProbeAnswer | undefined): unknown[][] => (a !== undefined && "rows" in a ? a.rows : []);
const column = (a: ProbeAnswer | undefined): string[] => rows(a).map((r) => String(r[0]));
const minus = (a: readonly string[], b: readonly string[]): string[] => a.filter((x) => !b.includes(x)).sort();
function analysisSays(sql: string): { message: string; missingOn?: string } {
  const r = analysis.prepare(sql);
  return isSqliteError(r) ? r : { message: "ok" };
}

const functions = "SELECT name || '/' || narg FROM pragma_function_list";
const modules = "SELECT name FROM pragma_module_list";

describe("bun:sqlite", () => {
  it("bundles the SQLite version the table names, and lists exactly the functions and modules it adds and lacks", async () => {
    const [version, fns, mods] = await bun(["SELECT sqlite_version()", functions, modules].map((sql): ProbeStep => ({ kind: "rows", sql })));
    expect(column(version)).toEqual([target.sqliteVersion]);
    const added = target.addedFunctions.flatMap((f) => f.arities.map((n) => `${f.name}/${n}`)).sort();
    const wasmFns = wasm.selectValues(functions) as string[];
    expect(minus(column(fns), wasmFns)).toEqual(added);
    // `unknown` is WASM's ENABLE_UNKNOWN_SQL_FUNCTION placeholder, used by EXPLAIN only: never callable.
    expect(minus(wasmFns, column(fns)).filter((f) => f !== "unknown/-1").map((f) => f.split("/")[0])).toEqual([...target.missingFunctions].sort());
    const wasmMods = wasm.selectValues(modules) as string[];
    expect(minus(column(mods), wasmMods)).toEqual([...target.addedModules].sort());
    expect(minus(wasmMods, column(mods))).toEqual([...target.missingTables].sort());
  });

  it("accepts a call of every added function, as Bun does", async () => {
    const calls = target.addedFunctions.flatMap((f) => f.arities.map((n) => `SELECT ${f.name}(${Array.from({ length: Math.max(n, 1) }, () => "NULL").join(", ")})`));
    expect((await bun(calls.map((sql) => ({ kind: "prepare", sql })))).map(said)).toEqual(calls.map(() => "ok"));
    expect(calls.map((sql) => analysisSays(sql).message)).toEqual(calls.map(() => "ok"));
  });

  it("refuses what Bun lacks with Bun's own message, naming the driver", async () => {
    const statements = [...target.missingFunctions.map((f) => `SELECT ${f}(1)`), ...target.missingTables.map((t) => `SELECT * FROM ${t}${t === "bytecode" || t === "tables_used" ? "('SELECT 1')" : ""}`)];
    const answers = (await bun(statements.map((sql) => ({ kind: "prepare", sql })))).map(said);
    statements.forEach((sql, i) => {
      expect(answers[i], sql).not.toBe("ok");
      expect(analysisSays(sql), sql).toEqual({ message: answers[i], byteOffset: expect.any(Number), missingOn: "bun:sqlite" });
    });
  });

  it("has Tcl variables and UPDATE/DELETE … ORDER BY … LIMIT, which the analysis accepts too", async () => {
    expect(target.tclVariables).toBe(true);
    expect(target.updateDeleteLimit).toBe(true);
    const schema = "CREATE TABLE lim (id INTEGER PRIMARY KEY, n INTEGER)";
    expect(analysis.execute(schema)).toBeNull();
    const statements = ["SELECT $a::b", "SELECT $a(1)", "DELETE FROM lim WHERE n < ? ORDER BY n LIMIT ?", "UPDATE lim SET n = ? WHERE n > ? ORDER BY id DESC LIMIT 2 OFFSET ?"];
    const answers = await bun([{ kind: "exec", sql: schema }, ...statements.map((sql): ProbeStep => ({ kind: "prepare", sql }))]);
    expect(answers.map(said)).toEqual(["ok", ...statements.map(() => "ok")]);
    for (const sql of statements) expect(analysisSays(sql).message, sql).toBe("ok");
  });

  it("stands in for each added module with the columns Bun's module declares", async () => {
    const created = [
      "CREATE VIRTUAL TABLE a USING fts3(title, body TEXT, tokenize=porter)",
      'CREATE VIRTUAL TABLE b USING fts4(title, "the body", languageid="lid", notindexed=title, prefix="2,3")',
      "CREATE VIRTUAL TABLE d USING fts4aux(b)",
      "CREATE VIRTUAL TABLE e USING fts3tokenize(simple)",
      "CREATE VIRTUAL TABLE f USING geopoly(name, kind)",
    ];
    expect(new Set(created.map((s) => /USING (\w+)/.exec(s)![1]))).toEqual(new Set(target.addedModules));
    const xinfo = (t: string) => `SELECT name, hidden FROM pragma_table_xinfo('${t}')`;
    const tables = created.map((s) => /TABLE (\w+)/.exec(s)![1]!);
    const answers = await bun([...created.map((sql): ProbeStep => ({ kind: "exec", sql })), ...tables.map((t): ProbeStep => ({ kind: "rows", sql: xinfo(t) }))]);
    expect(answers.slice(0, created.length).map(said)).toEqual(created.map(() => "ok"));
    created.forEach((sql, i) => {
      expect(analysis.execute(sql), sql).toBeNull();
      const columns = (analysis.query(xinfo(tables[i]!), []) as { name: string; hidden: number }[]).map((c) => [c.name, c.hidden]);
      expect(columns, sql).toEqual(rows(answers[created.length + i]));
    });
  });

  it("binds up to MAX_VARIABLES variables in one statement, as the runtime and the driver table say", async () => {
    const select = (n: number) => `SELECT 1 WHERE 1 IN (${Array.from({ length: n }, () => "?").join(",")})`;
    const [atLimit, past] = await bun([{ kind: "prepare", sql: select(MAX_VARIABLES) }, { kind: "prepare", sql: select(MAX_VARIABLES + 1) }]);
    expect([said(atLimit!), said(past!)]).toEqual(["ok", "too many SQL variables"]);
    expect(drivers["bun:sqlite"].maxVariables).toBe(MAX_VARIABLES);
  });
});

/**
 * The sql.js row of the capability table (generator/targets/sql-js.ts) checked against real sql.js,
 * as targets.test.ts does for better-sqlite3: every difference between its SQLite and the WASM
 * analysis build is listed, every listed entry is real, and the analysis answers each as sql.js does.
 */
import sqlite3InitModule from "@sqlite.org/sqlite-wasm";
import initSqlJs, { type Database } from "sql.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnalysisDb, isSqliteError } from "../sqlite/analysis-db.js";
import { drivers } from "../targets/drivers.js";
import { sqlJsMissingSchemaModules } from "../targets/sql-js.js";

const target = drivers["sql.js"].capabilities;
let driver: Database;
let wasm: InstanceType<Awaited<ReturnType<typeof sqlite3InitModule>>["oo1"]["DB"]>;
let analysis: AnalysisDb;

beforeAll(async () => {
  driver = new (await initSqlJs()).Database();
  wasm = new (await sqlite3InitModule()).oo1.DB(":memory:", "c");
  analysis = await AnalysisDb.open(target);
});
afterAll(() => {
  analysis.close();
  wasm.close();
  driver.close();
});

const onDriver = (sql: string): Set<string> => new Set((driver.exec(sql)[0]?.values ?? []).map((r) => r[0] as string));
const onWasm = (sql: string): Set<string> => new Set(wasm.selectValues(sql) as string[]);
const minus = (a: Set<string>, b: Set<string>): string[] => [...a].filter((x) => !b.has(x)).sort();
/** Pragma tables are registered as modules on first use: not a difference between the builds. */
const realModules = (names: Set<string>): Set<string> => new Set([...names].filter((n) => !n.startsWith("pragma_")));
const functions = "SELECT name || '/' || narg FROM pragma_function_list";
const modules = "SELECT name FROM pragma_module_list";
const tableArguments: Readonly<Record<string, string>> = { bytecode: "('SELECT 1')", tables_used: "('SELECT 1')" };

function driverSays(sql: string): string {
  try {
    driver.prepare(sql).free();
    return "ok";
  } catch (e) {
    return (e as Error).message;
  }
}
function analysisSays(sql: string): { message: string; missingOn?: string } {
  const r = analysis.prepare(sql);
  return isSqliteError(r) ? r : { message: "ok" };
}

describe("sql.js", () => {
  it("bundles the SQLite version the table names, with sql.js's variable limit", () => {
    expect(onDriver("SELECT sqlite_version()")).toEqual(new Set([target.sqliteVersion]));
    expect(onDriver("SELECT * FROM pragma_compile_options")).toContain(`MAX_VARIABLE_NUMBER=${drivers["sql.js"].maxVariables}`);
  });

  it("lists exactly the functions the driver adds and lacks", () => {
    const added = target.addedFunctions.flatMap((f) => f.arities.map((n) => `${f.name}/${n}`)).sort();
    expect(minus(onDriver(functions), onWasm(functions))).toEqual(added);
    const lacked = minus(onWasm(functions), onDriver(functions)).filter((f) => f !== "unknown/-1");
    expect(lacked.map((f) => f.split("/")[0])).toEqual([...target.missingFunctions].sort());
  });

  it("lists exactly the modules the driver adds and lacks", () => {
    const [ours, theirs] = [realModules(onDriver(modules)), realModules(onWasm(modules))];
    expect(minus(ours, theirs)).toEqual([...target.addedModules].sort());
    expect(minus(theirs, ours)).toEqual([...target.missingTables, ...sqlJsMissingSchemaModules].sort());
  });

  it("accepts a call of every added function, as the driver does", () => {
    for (const f of target.addedFunctions) {
      for (const n of f.arities) {
        const sql = `SELECT ${f.name}(${Array.from({ length: Math.max(n, 1) }, () => "NULL").join(", ")})`;
        expect([f.name, driverSays(sql)]).toEqual([f.name, "ok"]);
        expect([f.name, analysisSays(sql).message]).toEqual([f.name, "ok"]);
      }
    }
  });

  it("refuses what the driver lacks with the driver's own message, naming the driver", () => {
    // Each missing function called with an argument count the analysis accepts.
    const arity = (f: string) => Number([...onWasm(functions)].find((x) => x.startsWith(`${f}/`))!.split("/")[1]);
    const call = (f: string) => `SELECT ${f}(${Array.from({ length: arity(f) < 0 ? 1 : arity(f) }, () => "1").join(", ")})`;
    const statements = [...target.missingFunctions.map(call), ...target.missingTables.map((t) => `SELECT * FROM ${t}${tableArguments[t] ?? ""}`)];
    for (const sql of statements) {
      const said = driverSays(sql);
      expect(said, sql).not.toBe("ok");
      expect(analysisSays(sql), sql).toEqual({ message: said, byteOffset: expect.any(Number), missingOn: "sql.js" });
    }
  });

  it("has Tcl variables and no UPDATE/DELETE … LIMIT, as the analysis then has", () => {
    expect(target.tclVariables).toBe(true);
    for (const sql of ["SELECT $a::b", "SELECT $a(1)"]) {
      expect(driverSays(sql), sql).toBe("ok");
      expect(analysisSays(sql), sql).toEqual({ message: "ok" });
    }
    expect(target.updateDeleteLimit).toBe(false);
    driver.run("CREATE TABLE lim (id INTEGER PRIMARY KEY, n INTEGER)");
    expect(analysis.execute("CREATE TABLE lim (id INTEGER PRIMARY KEY, n INTEGER)")).toBeNull();
    const sql = "DELETE FROM lim WHERE n < ? ORDER BY n LIMIT ?";
    expect(driverSays(sql)).toBe('near "ORDER": syntax error');
    expect(analysisSays(sql).message).toBe('near "ORDER": syntax error');
  });

  it("stands in for each added module with the columns the driver's module declares", () => {
    const created = [
      "CREATE VIRTUAL TABLE a USING fts3(title, body TEXT, tokenize=porter)",
      'CREATE VIRTUAL TABLE b USING fts4(title, "the body", languageid="lid", notindexed=title, prefix="2,3")',
      "CREATE VIRTUAL TABLE d USING fts4aux(b)",
      "CREATE VIRTUAL TABLE e USING fts3tokenize(simple)",
    ];
    expect(new Set(created.map((s) => /USING (\w+)/.exec(s)![1]))).toEqual(new Set(target.addedModules));
    const columns = "SELECT name, hidden FROM pragma_table_xinfo(?)";
    for (const sql of created) {
      driver.run(sql);
      expect(analysis.execute(sql), sql).toBeNull();
      const table = /TABLE (\w+)/.exec(sql)![1]!;
      const onSqlJs = driver.exec(columns, [table])[0]!.values.map(([name, hidden]) => ({ name, hidden }));
      expect(analysis.query(columns, [table]), sql).toEqual(onSqlJs);
    }
  });
});

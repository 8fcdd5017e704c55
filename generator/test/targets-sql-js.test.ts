/**
 * The sql.js row of the capability table (generator/targets/sql-js.ts) checked against real sql.js,
 * as targets.test.ts does for better-sqlite3: every difference between its SQLite and the WASM
 * analysis build is listed, every listed entry is real, and the analysis answers each as sql.js does.
 */
import sqlite3InitModule from "@sqlite.org/sqlite-wasm";
import initSqlJs, { type Database } from "sql.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnalysisDb } from "../sqlite/analysis-db.js";
import { analysisSays as analysisSaysOn, checkListedDifferences, checkStandIns, columnsSql, fares } from "./support/target-differences.js";
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

const driverSays = (sql: string): string => fares(() => driver.prepare(sql).free());
const analysisSays = (sql: string) => analysisSaysOn(analysis, sql);

describe("sql.js", () => {
  it("bundles the SQLite version the table names, with sql.js's variable limit", () => {
    expect(onDriver("SELECT sqlite_version()")).toEqual(new Set([target.sqliteVersion]));
    expect(onDriver("SELECT * FROM pragma_compile_options")).toContain(`MAX_VARIABLE_NUMBER=${drivers["sql.js"].maxVariables}`);
  });

  checkListedDifferences(() => ({ target, analysis, onDriver, onWasm, driverSays }), [], sqlJsMissingSchemaModules);

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

  checkStandIns(() => ({
    target,
    analysis,
    onDriver,
    onWasm,
    driverSays,
    run: (sql) => driver.run(sql),
    columns: (table) => driver.exec(columnsSql, [table])[0]!.values.map(([name, hidden]) => ({ name, hidden })),
  }));
});

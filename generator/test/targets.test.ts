/**
 * The capability table of each target driver (generator/targets/) checked against the real
 * driver: every difference between its SQLite and the WASM analysis build is listed, every
 * listed entry is real, and the analysis database answers each entry as the driver does.
 */
import sqlite3InitModule from "@sqlite.org/sqlite-wasm";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnalysisDb, isSqliteError } from "../sqlite/analysis-db.js";
import { drivers } from "../targets/drivers.js";

const target = drivers["better-sqlite3"].capabilities;
const driver = new Database(":memory:");
let wasm: InstanceType<Awaited<ReturnType<typeof sqlite3InitModule>>["oo1"]["DB"]>;
let analysis: AnalysisDb;

beforeAll(async () => {
  wasm = new (await sqlite3InitModule()).oo1.DB(":memory:", "c");
  analysis = await AnalysisDb.open(target);
});
afterAll(() => {
  analysis.close();
  wasm.close();
  driver.close();
});

const onDriver = (sql: string): Set<string> => new Set(driver.prepare(sql).pluck().all() as string[]);
const onWasm = (sql: string): Set<string> => new Set(wasm.selectValues(sql) as string[]);
const minus = (a: Set<string>, b: Set<string>): string[] => [...a].filter((x) => !b.has(x)).sort();
const functions = "SELECT name || '/' || narg FROM pragma_function_list";
const modules = "SELECT name FROM pragma_module_list";

/** Table-valued functions that SQLite cannot plan without their argument. */
const tableArguments: Readonly<Record<string, string>> = { bytecode: "('SELECT 1')", tables_used: "('SELECT 1')" };

/** How a statement fares: "ok", or the driver's (or analysis's) error message. */
function driverSays(sql: string): string {
  try {
    driver.prepare(sql);
    return "ok";
  } catch (e) {
    return (e as Error).message;
  }
}
function analysisSays(sql: string): { message: string; missingOn?: string } {
  const r = analysis.prepare(sql);
  return isSqliteError(r) ? r : { message: "ok" };
}

describe("better-sqlite3", () => {
  it("bundles the SQLite version the table names", () => {
    expect(driver.prepare("SELECT sqlite_version()").pluck().get()).toBe(target.sqliteVersion);
  });

  it("lists exactly the functions the driver adds and lacks", () => {
    const added = target.addedFunctions.flatMap((f) => f.arities.map((n) => `${f.name}/${n}`)).sort();
    expect(minus(onDriver(functions), onWasm(functions))).toEqual(added);
    // `unknown` is WASM's ENABLE_UNKNOWN_SQL_FUNCTION placeholder, used by EXPLAIN only: never callable.
    const lacked = minus(onWasm(functions), onDriver(functions)).filter((f) => f !== "unknown/-1");
    expect(lacked.map((f) => f.split("/")[0])).toEqual([...target.missingFunctions].sort());
  });

  it("lists exactly the modules the driver adds and lacks", () => {
    expect(minus(onDriver(modules), onWasm(modules))).toEqual([...target.addedModules].sort());
    expect(minus(onWasm(modules), onDriver(modules))).toEqual([...target.missingTables].sort());
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
    const statements = [...target.missingFunctions.map((f) => `SELECT ${f}(1)`), ...target.missingTables.map((t) => `SELECT * FROM ${t}${tableArguments[t] ?? ""}`), "SELECT $a::b", "SELECT $a(1)"];
    for (const sql of statements) {
      const said = driverSays(sql);
      expect(said, sql).not.toBe("ok");
      expect(analysisSays(sql), sql).toEqual({ message: said, byteOffset: expect.any(Number), missingOn: "better-sqlite3" });
    }
    expect(target.tclVariables).toBe(false);
  });

  it("stands in for each added module with the columns the driver's module declares", () => {
    const created = [
      "CREATE VIRTUAL TABLE a USING fts3(title, body TEXT, tokenize=porter)",
      'CREATE VIRTUAL TABLE b USING fts4(title, "the body", languageid="lid", notindexed=title, prefix="2,3")',
      "CREATE VIRTUAL TABLE c USING fts4",
      "CREATE VIRTUAL TABLE d USING fts4aux(b)",
      "CREATE VIRTUAL TABLE e USING fts3tokenize(simple)",
      "CREATE VIRTUAL TABLE f USING geopoly(name, kind)",
    ];
    expect(new Set(created.map((s) => /USING (\w+)/.exec(s)![1]))).toEqual(new Set(target.addedModules));
    const columns = "SELECT name, hidden FROM pragma_table_xinfo(?)";
    for (const sql of created) {
      driver.exec(sql);
      expect(analysis.execute(sql), sql).toBeNull();
      const table = /TABLE (\w+)/.exec(sql)![1];
      expect(analysis.query(columns, [table]), sql).toEqual(driver.prepare(columns).all(table));
    }
    for (const sql of ["SELECT docid, title, snippet(a), offsets(a), matchinfo(a) FROM a WHERE a MATCH ?", "INSERT INTO b (title, \"the body\") VALUES (?, ?)", "SELECT geopoly_json(_shape) FROM f WHERE geopoly_overlap(_shape, ?)"]) {
      expect([sql, driverSays(sql)]).toEqual([sql, "ok"]);
      expect([sql, analysisSays(sql).message]).toEqual([sql, "ok"]);
    }
  });

  it("has UPDATE/DELETE … ORDER BY … LIMIT, which the analysis accepts while the WASM build alone does not", () => {
    const schema = "CREATE TABLE lim (id INTEGER PRIMARY KEY, n INTEGER); CREATE TABLE keyed (a TEXT, b INTEGER, n INTEGER, PRIMARY KEY (a, b)) WITHOUT ROWID";
    driver.exec(schema);
    expect(analysis.execute(schema)).toBeNull();
    wasm.exec(schema);
    const statements = [
      "DELETE FROM lim WHERE n < ? ORDER BY n LIMIT ?",
      "UPDATE lim AS l SET n = ? WHERE l.n > ? ORDER BY id DESC LIMIT 2 OFFSET ?",
      "DELETE FROM lim LIMIT 1",
      "DELETE FROM main.keyed WHERE n = ? RETURNING a ORDER BY b LIMIT ?",
    ];
    for (const sql of statements) {
      expect(target.updateDeleteLimit).toBe(true);
      expect(driverSays(sql), sql).toBe("ok");
      expect(() => wasm.prepare(sql).finalize(), sql).toThrow(/syntax error/);
      const meta = analysis.prepare(sql);
      expect(isSqliteError(meta), sql).toBe(false);
      expect(isSqliteError(meta) ? -1 : meta.parameterCount).toBe((driver.prepare(sql) as unknown as { source: string }).source.split("?").length - 1);
    }
    // An error in such a statement points into it as written.
    const bad = "DELETE FROM lim WHERE n < ? ORDER BY nope LIMIT ?";
    expect(driverSays(bad)).toBe("no such column: nope");
    expect(analysisSays(bad)).toEqual({ message: "no such column: nope", byteOffset: bad.indexOf("nope") });
  });
});

/**
 * libSQL's row of the capability table (generator/targets/libsql.ts, shared by `libsql` and
 * `@libsql/client`) checked against the real `libsql` package, as targets.test.ts checks
 * better-sqlite3's. libSQL is SQLite 3.45: older than the analysis build, so some functions differ
 * only in argument counts and some of its modules have no stand-in (see `Unlisted`).
 */
import sqlite3InitModule from "@sqlite.org/sqlite-wasm";
import Libsql from "libsql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnalysisDb } from "../sqlite/analysis-db.js";
import { drivers } from "../targets/drivers.js";
import { analysisSays as analysisSaysOn, checkListedDifferences, checkStandIns, columnsSql, fares } from "./support/target-differences.js";

/** The parts of libsql's connection the checks use (its types describe a driver of better-sqlite3's shape). */
interface Connection {
  prepare(sql: string): { raw(on?: boolean): { all(...args: unknown[]): unknown[] }; all(...args: unknown[]): unknown[] };
  exec(sql: string): unknown;
  close(): unknown;
}

const target = drivers["libsql"].capabilities;
const driver = new Libsql(":memory:") as unknown as Connection;
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

const onDriver = (sql: string): Set<string> => new Set(driver.prepare(sql).raw(true).all().map((r) => (r as unknown[])[0] as string));
const onWasm = (sql: string): Set<string> => new Set(wasm.selectValues(sql) as string[]);
const driverSays = (sql: string): string => fares(() => driver.prepare(sql));
const analysisSays = (sql: string) => analysisSaysOn(analysis, sql);
const tcl = ["SELECT $a::b", "SELECT $a(1)"];

describe("libsql", () => {
  it("bundles the SQLite version the table names", () => {
    expect([...onDriver("SELECT sqlite_version()")]).toEqual([target.sqliteVersion]);
  });

  checkListedDifferences(() => ({ target, analysis, onDriver, onWasm, driverSays }), [], [], {
    arityOnly: ["coalesce", "concat", "concat_ws", "iif", "log", "max", "min"],
    unmodelled: ["carray", "fsdir", "generate_series", "vector_top_k"],
  });

  it("has Tcl variables, as the analysis then accepts", () => {
    expect(target.tclVariables).toBe(true);
    for (const sql of tcl) expect([driverSays(sql), analysisSays(sql).message]).toEqual(["ok", "ok"]);
  });

  checkStandIns(() => ({ target, analysis, onDriver, onWasm, driverSays, run: (sql) => void driver.exec(sql), columns: (table) => driver.prepare(columnsSql).all(table) }));

  it("runs the added modules' functions on their tables, as the analysis accepts them", () => {
    for (const sql of ["SELECT docid, title, snippet(a), offsets(a), matchinfo(a) FROM a WHERE a MATCH ?", 'INSERT INTO b (title, "the body") VALUES (?, ?)', "SELECT geopoly_json(_shape) FROM f WHERE geopoly_overlap(_shape, ?)"]) {
      expect([sql, driverSays(sql)]).toEqual([sql, "ok"]);
      expect([sql, analysisSays(sql).message]).toEqual([sql, "ok"]);
    }
  });

  it("has no UPDATE/DELETE … ORDER BY … LIMIT: a syntax error on the driver and in the analysis", () => {
    expect(target.updateDeleteLimit).toBe(false);
    driver.exec("CREATE TABLE lim (id INTEGER PRIMARY KEY, n INTEGER)");
    expect(analysis.execute("CREATE TABLE lim (id INTEGER PRIMARY KEY, n INTEGER)")).toBeNull();
    for (const sql of ["DELETE FROM lim WHERE n < ? ORDER BY n LIMIT ?", "UPDATE lim SET n = ? ORDER BY id DESC LIMIT 2", "DELETE FROM lim LIMIT 1"]) {
      expect([driverSays(sql), analysisSays(sql).message], sql).toEqual([expect.stringMatching(/syntax error/), expect.stringMatching(/syntax error/)]);
    }
  });
});

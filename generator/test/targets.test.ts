/**
 * The capability table of each target driver (generator/targets/) checked against the real
 * driver: every difference between its SQLite and the WASM analysis build is listed, every
 * listed entry is real, and the analysis database answers each entry as the driver does.
 */
import sqlite3InitModule from "@sqlite.org/sqlite-wasm";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnalysisDb, isSqliteError } from "../sqlite/analysis-db.js";
import { analysisSays as analysisSaysOn, checkListedDifferences, checkStandIns, columnsSql, fares } from "./support/target-differences.js";
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

const driverSays = (sql: string): string => fares(() => driver.prepare(sql));
const analysisSays = (sql: string) => analysisSaysOn(analysis, sql);

describe("better-sqlite3", () => {
  it("bundles the SQLite version the table names", () => {
    expect(driver.prepare("SELECT sqlite_version()").pluck().get()).toBe(target.sqliteVersion);
  });

  checkListedDifferences(() => ({ target, analysis, onDriver, onWasm, driverSays }), ["SELECT $a::b", "SELECT $a(1)"]);

  it("has no Tcl variables", () => {
    expect(target.tclVariables).toBe(false);
  });

  checkStandIns(() => ({ target, analysis, onDriver, onWasm, driverSays, run: (sql) => void driver.exec(sql), columns: (table) => driver.prepare(columnsSql).all(table) }));

  it("runs the added modules' functions on their tables, as the analysis accepts them", () => {
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

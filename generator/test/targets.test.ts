/**
 * The capability table of each target driver (generator/targets/) checked against the real
 * driver: every difference between its SQLite and the WASM analysis build is listed, every
 * listed entry is real, and the analysis database answers each entry as the driver does.
 */
import sqlite3InitModule from "@sqlite.org/sqlite-wasm";
import BetterSqlite3 from "better-sqlite3";
import Libsql from "libsql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnalysisDb, isSqliteError } from "../sqlite/analysis-db.js";
import type { TargetCapabilities } from "../targets/capabilities.js";
import { drivers, type Driver } from "../targets/drivers.js";

/** What the checks use of a driver's connection: both drivers have better-sqlite3's API. */
interface Connection {
  prepare(sql: string): { raw(on?: boolean): { all(...args: unknown[]): unknown[] }; all(...args: unknown[]): unknown[]; source?: string };
  exec(sql: string): unknown;
  close(): unknown;
}

/**
 * Per driver: how to open it, and what the table cannot say. `arityOnly`: functions both have,
 * listed under other argument counts (SQLite 3.48 lists variadic minimums as negative counts);
 * where the driver's accepts fewer forms (libSQL's iif() takes 3, log() 1), the analysis accepts
 * the newer forms too. `unmodelled`: modules of the driver that the analysis neither has nor
 * stands in for (using one is refused at generation time, as "no such table").
 */
const targets: readonly { name: Driver; open: () => Connection; arityOnly: readonly string[]; unmodelled: readonly string[] }[] = [
  { name: "better-sqlite3", open: () => new BetterSqlite3(":memory:"), arityOnly: [], unmodelled: [] },
  {
    name: "libsql",
    open: () => new Libsql(":memory:") as unknown as Connection,
    arityOnly: ["coalesce", "concat", "concat_ws", "iif", "log", "max", "min"],
    unmodelled: ["carray", "fsdir", "generate_series", "vector_top_k"],
  },
];

/** Table-valued functions that SQLite cannot plan without their argument. */
const tableArguments: Readonly<Record<string, string>> = { bytecode: "('SELECT 1')", tables_used: "('SELECT 1')" };
const functions = "SELECT name || '/' || narg FROM pragma_function_list";
const modules = "SELECT name FROM pragma_module_list";
const minus = (a: Set<string>, b: Set<string>): string[] => [...a].filter((x) => !b.has(x)).sort();
const named = (list: readonly string[], names: readonly string[]): string[] => list.filter((f) => !names.includes(f.split("/")[0]!));

describe.each(targets)("$name", ({ name, open, arityOnly, unmodelled }) => {
  const target: TargetCapabilities = drivers[name].capabilities;
  const driver = open();
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

  it("bundles the SQLite version the table names", () => {
    expect([...onDriver("SELECT sqlite_version()")]).toEqual([target.sqliteVersion]);
  });

  it("lists exactly the functions the driver adds and lacks", () => {
    const added = target.addedFunctions.flatMap((f) => f.arities.map((n) => `${f.name}/${n}`)).sort();
    expect(named(minus(onDriver(functions), onWasm(functions)), arityOnly)).toEqual(added);
    // `unknown` is WASM's ENABLE_UNKNOWN_SQL_FUNCTION placeholder, used by EXPLAIN only: never callable.
    const lacked = [...new Set(named(minus(onWasm(functions), onDriver(functions)), [...arityOnly, "unknown"]).map((f) => f.split("/")[0]))];
    for (const f of arityOnly) expect([f, driverSays(`SELECT ${f}(1, 2, 3)`)]).not.toEqual([f, `no such function: ${f}`]);
    expect(lacked).toEqual([...target.missingFunctions].sort());
  });

  it("lists exactly the modules the driver adds and lacks", () => {
    // Newer SQLite registers json_each and json_tree on first use: use them on both before comparing.
    for (const m of ["json_each", "json_tree"]) {
      expect(typeof wasm.selectValue(`SELECT count(*) FROM ${m}('[]')`)).toBe("number");
      expect(onDriver(`SELECT count(*) FROM ${m}('[]')`).size).toBe(1);
    }
    expect(minus(onDriver(modules), onWasm(modules))).toEqual([...target.addedModules, ...unmodelled].sort());
    for (const m of unmodelled) expect(analysisSays(`SELECT * FROM ${m}`).message).toBe(`no such table: ${m}`);
    expect(minus(onWasm(modules), onDriver(modules))).toEqual([...target.missingTables].sort());
  });

  it("accepts a call of every added function, as the driver does", () => {
    for (const f of target.addedFunctions) {
      for (const n of f.arities) {
        const sql = `SELECT ${f.name}(${Array.from({ length: n < 0 ? 1 : n }, () => "NULL").join(", ")})`;
        expect([f.name, driverSays(sql)]).toEqual([f.name, "ok"]);
        expect([f.name, analysisSays(sql).message]).toEqual([f.name, "ok"]);
      }
    }
  });

  it("refuses what the driver lacks with the driver's own message, naming the driver", () => {
    const tcl = ["SELECT $a::b", "SELECT $a(1)"];
    // Each missing function called with as many arguments as the analysis's takes (negative: variadic with a minimum).
    const call = (f: string) => {
      const narg = wasm.selectValue("SELECT narg FROM pragma_function_list WHERE name = ? ORDER BY narg DESC", [f]) as number;
      return `SELECT ${f}(${Array.from({ length: narg < 0 ? Math.max(1, -narg - 1) : narg }, () => "1").join(", ")})`;
    };
    const statements = [...target.missingFunctions.map(call), ...target.missingTables.map((t) => `SELECT * FROM ${t}${tableArguments[t] ?? ""}`), ...(target.tclVariables ? [] : tcl)];
    for (const sql of statements) {
      const said = driverSays(sql);
      expect(said, sql).not.toBe("ok");
      expect(analysisSays(sql), sql).toEqual({ message: said, byteOffset: expect.any(Number), missingOn: name });
    }
    for (const sql of target.tclVariables ? tcl : []) expect([driverSays(sql), analysisSays(sql).message]).toEqual(["ok", "ok"]);
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

  it("has UPDATE/DELETE … ORDER BY … LIMIT where the table says so, which the analysis then accepts while the WASM build alone does not", () => {
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
      if (!target.updateDeleteLimit) {
        expect([driverSays(sql), analysisSays(sql).message], sql).toEqual([expect.stringMatching(/syntax error/), expect.stringMatching(/syntax error/)]);
        continue;
      }
      expect(driverSays(sql), sql).toBe("ok");
      expect(() => wasm.prepare(sql).finalize(), sql).toThrow(/syntax error/);
      const meta = analysis.prepare(sql);
      expect(isSqliteError(meta), sql).toBe(false);
      expect(isSqliteError(meta) ? -1 : meta.parameterCount).toBe((driver.prepare(sql) as unknown as { source: string }).source.split("?").length - 1);
    }
    if (!target.updateDeleteLimit) return;
    // An error in such a statement points into it as written.
    const bad = "DELETE FROM lim WHERE n < ? ORDER BY nope LIMIT ?";
    expect(driverSays(bad)).toBe("no such column: nope");
    expect(analysisSays(bad)).toEqual({ message: "no such column: nope", byteOffset: bad.indexOf("nope") });
  });
});

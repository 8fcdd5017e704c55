/**
 * D1's capability table (generator/targets/d1.ts) checked against Miniflare's workerd: D1 refuses
 * pragma_function_list, so every function of the WASM analysis build is called there instead. A
 * function D1 refuses ("not authorized", "no such function") must be listed as missing, and one it
 * runs must not; listed tables are refused; UPDATE/DELETE … LIMIT runs; the analysis refuses each
 * missing name naming D1. Transactions, ATTACH and virtual tables other than fts5 are refused
 * (workerd allows rtree in later versions).
 */
import sqlite3InitModule from "@sqlite.org/sqlite-wasm";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { AnalysisDb, isSqliteError } from "../../sqlite/analysis-db.js";
import { drivers } from "../../targets/drivers.js";
import { runtimeBinary } from "../conformance/runtimes.js";

const target = drivers.d1.capabilities;
const refused = /not authorized|no such function|no such table|no such module/;
/** How D1 refuses a function (rtreecheck(NULL) fails on its argument, not as a missing function). */
const refusedFunction = /not authorized to use function|no such function/;

/** Each statement's outcome on D1: "ok" or its error message. */
function onD1(statements: readonly string[]): string[] {
  const file = join(mkdtempSync(join(tmpdir(), "sqlgen-d1-")), "statements.json");
  writeFileSync(file, JSON.stringify(statements));
  const host = fileURLToPath(new URL("d1-statements.ts", import.meta.url));
  return JSON.parse(execFileSync(runtimeBinary("node22"), [host, file], { encoding: "utf8", timeout: 120_000 })) as string[];
}

let wasmFunctions: { name: string; narg: number }[];
const said = new Map<string, string>();
const setup = ["CREATE TABLE lim (id INTEGER PRIMARY KEY, n INTEGER)", "INSERT INTO lim (n) VALUES (1), (2), (3)"];
const extra = [
  "DELETE FROM lim WHERE n < 3 ORDER BY n LIMIT 1",
  "UPDATE lim SET n = 0 ORDER BY id DESC LIMIT 1",
  "BEGIN",
  "SAVEPOINT a",
  "ATTACH ':memory:' AS other",
  "CREATE TEMP TABLE t (a)",
  "CREATE VIRTUAL TABLE f5 USING fts5(body)",
  "CREATE VIRTUAL TABLE r USING rtree(id, x0, x1)",
  "CREATE VIRTUAL TABLE f4 USING fts4(body)",
  "PRAGMA foreign_keys",
  "PRAGMA journal_mode",
];

const call = (f: { name: string; narg: number }) => `SELECT ${f.name}(${Array.from({ length: f.narg < 0 ? 1 : f.narg }, () => "NULL").join(", ")})`;

beforeAll(async () => {
  const db = new (await sqlite3InitModule()).oo1.DB(":memory:", "c");
  wasmFunctions = db.selectObjects("SELECT DISTINCT name, narg FROM pragma_function_list WHERE name <> 'unknown' ORDER BY name, narg") as { name: string; narg: number }[];
  db.close();
  const tables = target.missingTables.map((t) => `SELECT * FROM ${t}`);
  const statements = [...setup, ...extra, ...wasmFunctions.map(call), ...tables];
  onD1(statements).forEach((s, i) => said.set(statements[i]!, s));
}, 300_000);

describe("D1 (Miniflare)", () => {
  it("refuses exactly the analysis build's functions the table lists as missing", () => {
    const missing = new Set(wasmFunctions.filter((f) => refusedFunction.test(said.get(call(f))!)).map((f) => f.name));
    expect([...missing].sort()).toEqual([...target.missingFunctions].sort());
  });

  it("refuses the tables the table lists as missing", () => {
    for (const t of target.missingTables) expect(said.get(`SELECT * FROM ${t}`), t).toMatch(refused);
  });

  it("has UPDATE/DELETE … ORDER BY … LIMIT, and refuses transactions, ATTACH, TEMP and virtual tables but fts5 (rtree too, in this workerd)", () => {
    expect(target.updateDeleteLimit).toBe(true);
    for (const sql of [...setup, extra[0]!, extra[1]!, "CREATE VIRTUAL TABLE f5 USING fts5(body)", "PRAGMA foreign_keys"]) expect([sql, said.get(sql)]).toEqual([sql, "ok"]);
    for (const sql of ["BEGIN", "SAVEPOINT a", "ATTACH ':memory:' AS other", "CREATE TEMP TABLE t (a)", "CREATE VIRTUAL TABLE f4 USING fts4(body)", "CREATE VIRTUAL TABLE r USING rtree(id, x0, x1)", "PRAGMA journal_mode"]) expect([sql, said.get(sql)]).not.toEqual([sql, "ok"]);
  });

  it("makes the analysis refuse each missing function and table, naming D1", async () => {
    const analysis = await AnalysisDb.open(target);
    const verdict = (sql: string) => {
      const r = analysis.prepare(sql);
      return isSqliteError(r) ? (r.missingOn ?? r.message) : "ok";
    };
    try {
      // A function is refused at some arity it has (a variadic one like if() needs two or more).
      for (const name of target.missingFunctions) {
        const arities = wasmFunctions.filter((f) => f.name === name).flatMap((f) => (f.narg < 0 ? [1, 2, 3] : [f.narg]));
        expect([name, arities.map((n) => verdict(call({ name, narg: n })))]).toEqual([name, expect.arrayContaining(["D1"])]);
      }
      for (const t of target.missingTables) expect(verdict(`SELECT * FROM ${t}${t === "bytecode" || t === "tables_used" ? "('SELECT 1')" : ""}`), t).toBe("D1");
    } finally {
      analysis.close();
    }
  });
});

/**
 * The fuzzer's oracles fail on known-bad input (and pass on good input), so a fuzz run that finds
 * nothing means something. Outputs here are written by hand: they must not depend on the
 * generator's current defects.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Described, GeneratorRun } from "../../fuzz/generator-adapter.js";
import { makeCase } from "../../fuzz/make-case.js";
import { ddmin } from "../../fuzz/minimise.js";
import { checkOutput } from "../../fuzz/oracle-output.js";
import { badInput, checkRun, sentinelName, sentinelText } from "../../fuzz/oracle-run.js";
import { checkAccepted, checkRejected, nativeSchema } from "../../fuzz/oracle-sqlite.js";
import { repoRoot } from "../../fuzz/paths.js";
import { encode, loadCorpus, rawByte, type Project } from "../../fuzz/project.js";
import { withoutMacros } from "../../fuzz/sql-tokens.js";

const query = { name: "GetT", command: "one", file: "queries/q.sql", line: 1, sql: "SELECT id FROM t WHERE id = ?", params: [{}], columns: [{}], result: { kind: "row" as const, model: null } };
const described: Described = { queries: [query], diagnostics: [] };
const project: Project = { origin: "test", files: [{ path: "schema/s.sql", text: "CREATE TABLE t (id INTEGER PRIMARY KEY);" }, { path: "queries/q.sql", text: `-- name: GetT :one\n${query.sql};\n` }] };

function module(doc: string): string {
  return [
    'import { cached, type Database } from "./db.js";',
    'export const getTSql = "SELECT id FROM t WHERE id = ?";',
    "export interface GetTParams { id: number }",
    "export interface GetTRow { id: number }",
    "const getTStatement = cached(getTSql, true);",
    "function toGetTRow(r: unknown[]): GetTRow { return { id: r[0] as number }; }",
    `/** ${doc} */`,
    "export function getT(db: Database, params: GetTParams): GetTRow | undefined { return undefined; }",
  ].join("\n");
}

function outDirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "sqlgen-oracle-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const kinds = (findings: readonly { kind: string }[]) => findings.map((f) => f.kind);

describe("output oracle", () => {
  it("accepts output that declares exactly the described query", () => {
    const r = checkOutput(outDirWith({ "q.ts": module("Reads one row.") }), described);
    expect(r.findings).toEqual([]);
    expect(r.sql.get("getTSql")).toBe(query.sql);
  });

  it("reports a doc comment that became code as an injection", () => {
    const r = checkOutput(outDirWith({ "q.ts": module('Reads. */ import("node:fs"); /*') }), described);
    expect(kinds(r.findings)).toEqual(["injection"]);
  });

  it("reports a missing function, unparsable output and control characters", () => {
    expect(kinds(checkOutput(outDirWith({ "q.ts": module("x").replace("function getT(", "function getThing(") }), described).findings)).toEqual(["injection", "declaration-mismatch"]);
    expect(kinds(checkOutput(outDirWith({ "q.ts": module("x").replace("getT(db", "class(db") }), described).findings)).toContain("does-not-compile");
    expect(kinds(checkOutput(outDirWith({ "q.ts": module("a\u0000b") }), described).findings)).toEqual(["control-char-in-output"]);
  });
});

describe("run oracle", () => {
  const ok: GeneratorRun = { exitCode: 0, described, thrown: null, stderr: "" };
  const failed = (d: Described["diagnostics"][number]): GeneratorRun => ({ exitCode: 1, described: { queries: [], diagnostics: [d] }, thrown: null, stderr: "" });
  const error = { severity: "error", code: "SG301", file: "queries/q.sql", line: 2, col: 8, message: "x" } as const;
  const out = () => outDirWith({ [sentinelName]: sentinelText });

  it("passes a clean run and a clean failure", () => {
    expect(checkRun(ok, project, out())).toEqual([]);
    expect(checkRun(failed(error), project, out())).toEqual([]);
  });

  it("reports crashes, internal errors, errors without position and output written on error", () => {
    expect(kinds(checkRun({ ...ok, exitCode: null, described: null, thrown: "TypeError: x" }, project, out()))).toEqual(["crash"]);
    expect(kinds(checkRun(failed({ ...error, code: "SG900" }), project, out()))).toEqual(["internal-error"]);
    expect(kinds(checkRun(failed({ ...error, line: null, col: null }), project, out()))).toEqual(["no-position"]);
    const written = out();
    mkdirSync(join(written, "sub"));
    writeFileSync(join(written, "sub", "q.ts"), "");
    expect(kinds(checkRun(failed(error), project, written))).toEqual(["written-on-error"]);
  });

  it("reports accepted input with a NUL, invalid UTF-8 or a control character in a file name", () => {
    const withText = (text: string, path = "queries/q.sql"): Project => ({ ...project, files: [{ path, text }] });
    expect(badInput(withText("SELECT 1 /* \u0000 */"))).toMatch(/U\+0000/);
    expect(badInput(withText(`SELECT '${rawByte(0xff)}'`))).toMatch(/UTF-8/);
    expect(badInput(withText("SELECT 1", "queries/a\nb.sql"))).toMatch(/file name/);
    expect(badInput(withText("SELECT 1\f\v\t\r\n"))).toBeNull();
    expect([...encode(`a${rawByte(0xff)}é`)]).toEqual([0x61, 0xff, 0xc3, 0xa9]);
  });
});

describe("SQLite oracle (better-sqlite3, foreign keys on)", () => {
  it("reports an accepted statement SQLite rejects, and a rejected one SQLite prepares", () => {
    const db = nativeSchema(project);
    expect(checkAccepted(db, described, new Map())).toEqual([]);
    expect(kinds(checkAccepted(db, { ...described, queries: [{ ...query, sql: "SELECT nope FROM t" }] }, new Map()))).toEqual(["sqlite-rejects-accepted"]);
    expect(kinds(checkAccepted(db, described, new Map([["getTSql", "SELECT id FROM t LIMIT ?0"]])))).toEqual(["sqlite-rejects-accepted"]);
    const rejected = { severity: "error", code: "SG305", file: "queries/q.sql", line: 2, col: 1, message: "cannot parse" } as const;
    expect(kinds(checkRejected(db, project, { queries: [], diagnostics: [rejected] }))).toEqual(["gen-rejects-valid"]);
    // A header problem is not SQLite's verdict: nothing to compare.
    expect(checkRejected(db, project, { queries: [], diagnostics: [{ ...rejected, code: "SG202" }] })).toEqual([]);
  });

  it("reads sqlc's macros as the SQL they stand for", () => {
    expect(withoutMacros("SELECT sqlc.embed(t) FROM t WHERE id IN (sqlc.slice(ids)) AND n = sqlc.narg(n)")).toBe("SELECT t.* FROM t WHERE id IN (?) AND n = ?");
    expect(withoutMacros("SELECT sqlc.embed(t) AS author, x FROM t")).toBe("SELECT t.*, x FROM t");
    expect(withoutMacros("SELECT sqlc.arg()")).toBeNull();
  });
});

describe("cases and minimisation", () => {
  it("makes the same cases from the same seed", () => {
    const corpus = loadCorpus(repoRoot);
    expect(corpus.length).toBeGreaterThan(50);
    for (const i of [0, 7, 99]) expect(makeCase(corpus, 5, i)).toEqual(makeCase(corpus, 5, i));
    expect(makeCase(corpus, 5, 1)).not.toEqual(makeCase(corpus, 6, 1));
  });

  it("shrinks to the one item that makes the test fail", async () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    expect(await ddmin(items, async (s) => s.includes(17))).toEqual([17]);
  });
});

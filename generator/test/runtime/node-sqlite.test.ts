/**
 * The node:sqlite runtime on the real node:sqlite, which Node 20 lacks: the driver-node-sqlite
 * case's generated code, with its scenario.ts, type-checked against Node's own types for
 * node:sqlite, then compiled and run inside Node 22 and Node 24, each answering the same.
 */
import { copyFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCase } from "../support/cases.js";
import { compiled, runIn } from "../support/run-in-runtime.js";
import { typecheck } from "../support/typecheck.js";

const name = "driver-node-sqlite";
let sources: string[];
let schema: string;

beforeAll(async () => {
  const c = await runCase(name);
  expect(c.generate.code, c.generate.stderr).toBe(0);
  copyFileSync(join(c.dir, "scenario.ts"), join(c.outDir, "scenario.ts"));
  sources = readdirSync(c.outDir).filter((f) => f.endsWith(".ts")).map((f) => join(c.outDir, f));
  schema = join(c.dir, "schema.sql");
});

it("type-checks under strict against @types/node's node:sqlite, DatabaseSync passed without casts", () => {
  expect(typecheck(sources, { types: ["node"] })).toEqual([]);
});

const bytes = (...b: number[]) => ({ bytes: b, isUint8Array: true });
const a = { id: 1, slug: "a", body: "first", score: 1.5, pinned: true };
const b = { id: 2, slug: "b", body: null, score: null, pinned: false };
const c = { id: 3, slug: "c", body: "", score: 0, pinned: true };
const unique = { error: "UNIQUE constraint failed: notes.slug", code: "ERR_SQLITE_ERROR", errcode: 2067 };

/** What each step of scenario.ts must print ("<undefined>" stands for undefined, "1n" for a bigint). */
const expected = {
  createNote: [1, 2, 3],
  getNote: [{ ...a, attachment: bytes(1, 2) }, { ...b, attachment: null }, "<undefined>"],
  listNotes: [[a, c], [b]],
  listNotesByIds: [
    [{ id: 1, slug: "a" }, { id: 3, slug: "c" }],
    [],
    [{ id: 1, slug: "a" }, { id: 2, slug: "b" }, { id: 3, slug: "c" }],
  ],
  listNotesByIdsIterate: [{ id: 2, slug: "b" }, { id: 3, slug: "c" }],
  renameNote: [1, 0],
  touchNote: ["<undefined>", 1],
  uniqueViolation: unique,
  checkParameters: { error: 'GetNote: parameter id must be a finite number; got "1"' },
  immediateCommits: [4, 1, false],
  immediateRollsBack: [unique.error, ["b2", "d"], false],
  // Iteration: writes, the same query and the same iteration inside the loop; statements lent back.
  writesInsideLoop: ["a:2.5", "c:1"],
  nestedIterate: ["a:ac:2", "c:ac:2"],
  breakReleasesAndReuses: [["a", "c"], 0],
  throwReleases: [2, 0],
  abandonedIterator: ["a", 1, ["a", "c2"]],
  statementsPreparedOnce: 0,
  // The row id of the last insert, rolled back or not, as SQLite reports it.
  deleteNotesByIds: [{ changes: 1, lastInsertRowid: 5 }, { changes: 0, lastInsertRowid: 5 }],
  closeWithOpenIterator: false,
  readBigInts: [1, 1, "number", "1n"],
};

describe.each(["node22", "node24"] as const)("on %s", (runtime) => {
  it("answers every step of the scenario", async () => {
    const dir = await compiled(sources);
    const ran = runIn(runtime, join(dir, "scenario.js"), [schema], ["--disable-warning=ExperimentalWarning"]);
    expect(ran.stderr).toBe("");
    expect(ran.status).toBe(0);
    expect(JSON.parse(ran.stdout)).toEqual(expected);
  });
});

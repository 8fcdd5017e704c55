/**
 * The bun:sqlite runtime on the real driver: the driver-bun-sqlite golden case, compiled to
 * JavaScript, runs inside Bun (bun-scenario.ts) and every step's result is judged here: rows,
 * types, NULLs, changes, last ids, slices (empty, padded, at and past Bun's variable limit),
 * constraint errors, immediate() commit, rollback and nesting, iterators with writes inside, and
 * Bun's bigint mode. Bun that cannot be installed or started fails the test.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, expect, it } from "vitest";
import { compileForBun, compileTs, runInBun } from "../support/bun.js";
import { runCase } from "../support/cases.js";
import { typecheck } from "../support/typecheck.js";

const adapter = fileURLToPath(new URL("../conformance/adapters/bun-sqlite.ts", import.meta.url));
const scenario = fileURLToPath(new URL("./bun-scenario.ts", import.meta.url));

type Step = { ok: unknown } | { error: string; code?: string; message: string };
let steps: Record<string, Step> = {};

beforeAll(async () => {
  const c = await runCase("driver-bun-sqlite");
  if (c.generate.code !== 0) throw new Error(c.generate.stderr);
  for (const f of readdirSync(c.outDir).filter((n) => n.endsWith(".ts"))) compileTs(join(c.outDir, f), join(c.outDir, f.replace(/\.ts$/, ".js")));
  const [adapterJs, scenarioJs] = compileForBun([adapter, scenario]) as [string, string];
  steps = (await runInBun(scenarioJs, [adapterJs, c.outDir])) as Record<string, Step>;
}, 300_000);

const ok = (name: string): unknown => {
  const s = steps[name];
  expect(s, name).toHaveProperty("ok");
  return (s as { ok: unknown }).ok;
};
const failed = (name: string): { error: string; code?: string; message: string } => {
  const s = steps[name];
  expect(s, name).toHaveProperty("error");
  return s as { error: string; code?: string; message: string };
};
const bytes = (...b: number[]) => ({ bytes: b, class: "Uint8Array" });
const none = { undefined: true };

it("reads :one rows with their types, NULLs and BLOBs as Uint8Array, and undefined when there is none", () => {
  expect(ok("addNote")).toEqual([1, 2, 3]);
  expect(ok("getNote")).toEqual([
    { id: 1, slug: "a", body: "alpha", data: bytes(1, 2, 255), score: 1.5, pinned: true },
    { id: 2, slug: "b", body: null, data: null, score: 0, pinned: false },
    none,
  ]);
  // Two columns named id: read by position, not through Bun's row object.
  expect(ok("getNoteWithTag")).toEqual([{ id: 3, id2: 2, slug: "c", label: "y" }, none]);
});

it("reads :many rows in order, slices of any length, and reports changes and last ids", () => {
  const rows = ok("listNotes") as { data: unknown }[];
  expect(rows.map((r) => r.data)).toEqual([bytes(1, 2, 255), null, bytes()]);
  expect(ok("listNotesByIds")).toEqual([[], [{ id: 1, slug: "a" }, { id: 3, slug: "c" }], 3]);
  expect(ok("addTag")).toEqual([{ changes: 1, lastInsertRowid: 1 }, { changes: 1, lastInsertRowid: 2 }]);
  expect(ok("pinNotes")).toEqual([0, 2, true]);
  expect(ok("deleteNote")).toEqual([none, 3]);
});

it("binds a slice up to Bun's 250000 variables and refuses one more with a RangeError naming bun:sqlite", () => {
  expect(ok("limit")).toBe(3);
  const e = failed("pastLimit");
  expect(e.error).toBe("RangeError");
  expect(e.message).toBe("ListNotesByIds: sqlc.slice ids (250001 values) with 0 other parameters need 250001 bound variables; bun:sqlite allows at most 250000 per statement");
});

it("throws Bun's SQLiteError on constraint violations", () => {
  expect(failed("uniqueViolation")).toMatchObject({ error: "SQLiteError", code: "SQLITE_CONSTRAINT_UNIQUE", message: "UNIQUE constraint failed: notes.slug" });
  expect(failed("foreignKeyViolation")).toMatchObject({ error: "SQLiteError", code: "SQLITE_CONSTRAINT_FOREIGNKEY" });
});

it("immediate() commits, rolls back on throw, joins when nested, and leaves no transaction open", () => {
  expect(ok("immediateCommit")).toEqual([[4, true], false, "t1"]);
  expect(ok("immediateRollback")).toEqual(["undo", false, none]);
  expect(ok("immediateNestedJoins")).toEqual(["t3", "t4"]);
  expect(failed("immediateFailedCommitStatement")).toMatchObject({ code: "SQLITE_CONSTRAINT_UNIQUE" });
  expect(ok("afterFailure")).toBe(false);
});

it("iterators: writes and immediate() inside the loop, nesting, break, DROP TABLE and endIterators", () => {
  // Bun does not lock the connection: the loop goes on after each write (and sees the new row).
  expect(ok("iterateWithWrites")).toEqual(["a", "b", "c", "t1", "t3", "t4", "w1"]);
  expect(ok("iterateNestedSameQuery")).toEqual(["aa", "ab", "ba", "bb"]);
  expect(ok("iterateBreakThenReuse")).toEqual([0, 7, 7]);
  expect(ok("iterateGetInside")).toEqual([1, 2, 3, 2]);
  // DROP TABLE is refused while a statement is active: the open iterator is ended, the drop retried.
  expect(ok("iterateDropTableEndsIterator")).toEqual(["a", expect.stringMatching(/^ListNotes: this iterator was ended by DropScratch/)]);
  expect(ok("endIteratorsOfDropped")).toBe(1);
});

it("checks parameters in development mode", () => {
  expect(failed("checkParameters")).toMatchObject({ error: "TypeError", message: "GetNote: parameter slug must be a string; got 7" });
});

it("works in Bun's bigint mode: ids as bigint, booleans and :execlastid as numbers", () => {
  expect(ok("safeIntegers")).toEqual([1, 2, { id: { bigint: "1" }, slug: "p", body: null, data: null, score: 0, pinned: true }, [true, false], 2]);
});

// tsconfig.json leaves the adapter out (its reference to Bun's types would reach every file).
it("the adapter type-checks against Bun's own published types", () => {
  expect(typecheck([adapter])).toEqual([]);
});

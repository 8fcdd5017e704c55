/**
 * The driver-d1 golden case's generated code, run inside workerd on a real D1 database (Miniflare
 * under Node 22, see worker.ts): rows and their types, NULLs, BLOBs as Uint8Array, changes and
 * last ids, slices (empty, and past D1's 100 bound parameters), constraint errors, and batch()
 * atomicity. Miniflare that cannot start fails this test.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCase } from "../support/cases.js";
import { runWorker } from "./worker.js";

let answer: Record<string, { ok?: unknown; error?: string }>;
let typeErrors: string[];

beforeAll(async () => {
  const c = await runCase("driver-d1");
  expect(c.generate.code, c.generate.stderr).toBe(0);
  const run = await runWorker(c.outDir, readFileSync(join(c.dir, "schema.sql"), "utf8"));
  typeErrors = run.errors;
  answer = run.answer as typeof answer;
}, 300_000);

const ok = (name: string) => {
  expect(answer[name], name).toHaveProperty("ok");
  return answer[name]!.ok;
};
const failed = (name: string) => answer[name]?.error ?? `${name} did not fail: ${JSON.stringify(answer[name])}`;
const ann = { id: 1, name: "ann", bio: null, avatar: { blob: [0, 1, 255] }, active: true, score: 0 };

describe("generated code on D1 (Miniflare)", () => {
  it("type-checks against @cloudflare/workers-types' D1Database and D1DatabaseSession without casts", () => {
    expect(typeErrors).toEqual([]);
  });

  it("reads rows with their types, NULLs and BLOBs as Uint8Array", () => {
    expect(ok("createFirst")).toBe(1);
    expect(ok("createSecond")).toBe(2);
    expect(ok("getFirst")).toEqual(ann);
    expect(ok("getMissing")).toEqual({ undefined: true });
    expect(ok("listAll")).toEqual([ann, { id: 2, name: "bob", bio: "writes", avatar: null, active: false, score: 0 }]);
    expect(ok("insertReturning")).toEqual({ id: 3, name: "cy" });
  });

  it("writes, with changes and last ids", () => {
    expect(ok("rename")).toEqual({ undefined: true });
    expect(ok("getRenamed")).toMatchObject({ id: 2, name: "bo" });
    expect(ok("rescore")).toEqual({ changes: 2, lastInsertRowid: 3 });
    expect(ok("count")).toBe(3);
  });

  it("rejects constraint violations with D1's error", () => {
    expect(failed("duplicateName")).toMatch(/UNIQUE constraint failed: authors\.name/);
    expect(failed("bookOfMissingAuthor")).toMatch(/FOREIGN KEY constraint failed/);
  });

  it("binds sqlc.slice lists up to D1's 100 parameters, and refuses more naming the limit", () => {
    expect(ok("sliceEmpty")).toEqual([]);
    expect(ok("sliceSome")).toEqual([{ id: 1, name: "ann" }, { id: 3, name: "cy" }]);
    expect(ok("slice99")).toEqual([{ id: 1, name: "ann" }, { id: 3, name: "cy" }]);
    expect(failed("slice100")).toBe("RangeError: ListAuthorsByIds: sqlc.slice ids (100 values) with 1 other parameters need 101 bound variables; D1 allows at most 100 per statement");
    expect(failed("slice150")).toMatch(/^RangeError: DeleteAuthorsByIds: .* D1 allows at most 100 per statement$/);
    expect(ok("slice100Delete")).toBe(0);
  });

  it("runs batch() atomically: a failing statement rolls back the ones before it", () => {
    expect(failed("batchFailing")).toMatch(/UNIQUE constraint failed: authors\.name/);
    expect(ok("afterFailingCount")).toBe(3);
    expect(ok("afterFailingBooks")).toEqual([]);
  });

  it("gives each call in a batch its own result, nested batches joining the outer one", () => {
    expect(ok("batchOk")).toEqual([4, { undefined: true }, { id: 5, name: "fay" }, [{ changes: 4, lastInsertRowid: 5 }], 5, { id: 5, name: "fay", bio: "b", avatar: null, active: true, score: 1 }]);
    expect(ok("afterOkBooks")).toEqual([{ bookId: 1, title: "first", author: "eve" }]);
    expect(ok("batchEmpty")).toBe("nothing");
    expect(failed("batchAwaitInside")).toMatch(/recorded after the callback returned/);
  });

  it("counts the rows a statement changed as SQLite's changes() does, without cascaded ones", () => {
    expect(ok("deleteWithCascade")).toBe(1);
    expect(ok("afterCascadeBooks")).toEqual([]);
  });

  it("checks parameters in development mode", () => {
    expect(failed("checkedWrongType")).toMatch(/^TypeError: GetAuthor: parameter id must be a finite number; got "1"$/);
  });
});

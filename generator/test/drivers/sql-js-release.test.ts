/**
 * sql.js statements hold WebAssembly memory until freed: the runtime prepares each statement once
 * per database, frees the ones it prepares for one call (rare slice shapes), reuses the ones
 * iterators lend, and `closeDatabase(db)` frees every one before closing. Observed through sql.js's
 * public API (prepare/free) and SQLite's own count of allocated bytes.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { Database, SqlJsStatic } from "sql.js";
import { beforeAll, expect, it } from "vitest";
import type { Module } from "../runtime/load-case.js";
import { loadSqlJsCase, memoryUsed, watched } from "./sql-js-case.js";

let q: Module;
let runtime: Module;
let SQL: SqlJsStatic;
let open: () => Database;

beforeAll(async () => {
  ({ query: q, runtime, SQL, open } = await loadSqlJsCase());
});

const note = (title: string) => ({ title, body: "b", pinned: false, attachment: Uint8Array.of(1, 2), score: 0.5 });
const near = Array.from({ length: 20000 }, (_, i) => i + 1); // a shape too rare to keep (see slices)

/** Every kind of call, with a failing one, a broken and an abandoned iterator; leaves the data as it found it. */
function workload(db: Database, round: number): void {
  runtime.immediate(db, () => {
    const id = q.addNote(db, note(`n${round}`));
    expect(q.getNote(db, { id })?.title).toBe(`n${round}`);
    expect(q.addNoteResult(db, { title: `n${round}` }).changes).toBe(0);
    expect(q.pinNotes(db, { ids: [id, id + 1] })).toBe(1);
    q.deleteNote(db, { id });
  });
  expect(() => q.addNote(db, note("kept"))).toThrow(/UNIQUE/);
  expect(() => runtime.immediate(db, () => q.addNote(db, note("kept")))).toThrow(/UNIQUE/);
  q.listNotes(db, { pinned: false });
  q.listNotesByIds(db, { ids: near });
  q.pinNotes(db, { ids: near.slice(0, 19999) });
  for (const row of q.listNotesIterate(db, { pinned: true })) expect(row.title).toBe("kept");
  for (const row of q.listNotesByIdsIterate(db, { ids: near })) if (row.id > 0) break;
  q.listNotesIterate(db, { pinned: true }).next(); // abandoned: given back when collected
  q.listNotesByIdsIterate(db, { ids: near }).next();
}

function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

async function settled(): Promise<void> {
  // FinalizationRegistry callbacks run in a later task, after a collection.
  for (let i = 0; i < 3; i++) {
    collectGarbage();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

it("keeps a bounded set of statements: repeated calls prepare nothing new and hold no more memory", async () => {
  const db = open();
  q.addNote(db, note("kept"));
  q.pinNotes(db, { ids: [1] });
  const statements = watched(db);
  workload(db, 0);
  await settled();
  workload(db, 1);
  await settled();
  const live = statements.live();
  const prepared = statements.prepared();
  const bytes = memoryUsed(SQL);
  // Each round's abandoned iterators are collected before the next: an iterator's statement is
  // lent until then, so rounds without a collection between them would grow the (reused) pool.
  for (let round = 2; round < 7; round++) {
    workload(db, round);
    await settled();
  }
  expect(statements.live()).toBe(live);
  // Only the rare shapes are prepared again (four a round), and each is freed after its call.
  expect(statements.prepared() - prepared).toBe(5 * 4);
  expect(memoryUsed(SQL)).toBe(bytes);
  runtime.closeDatabase(db);
});

it("closeDatabase(db) frees every statement the generated code prepared, then closes: SQLite's memory is back where it was", async () => {
  await settled();
  const before = memoryUsed(SQL);
  const db = open();
  q.addNote(db, note("kept"));
  const statements = watched(db);
  const close = db.close.bind(db);
  let liveAtClose = -1;
  db.close = () => {
    liveAtClose = statements.live();
    close();
  };
  workload(db, 0);
  const open1 = q.listNotesIterate(db, { pinned: false });
  open1.next();
  expect(statements.live()).toBeGreaterThan(10);
  runtime.closeDatabase(db);
  expect(liveAtClose).toBe(0);
  expect(() => db.exec("SELECT 1")).toThrow(/closed/);
  expect(memoryUsed(SQL)).toBe(before);
});

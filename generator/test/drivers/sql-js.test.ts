/**
 * The driver-sql-js golden case's generated code on real sql.js (SQLite in WebAssembly): rows and
 * their types, NULLs, BLOBs, booleans, changes and last rowids, slices (empty, padded, past the
 * limit), constraint errors, immediate() and iteration with writes inside the loop.
 */
import type { Database } from "sql.js";
import { beforeAll, describe, expect, it } from "vitest";
import type { Module } from "../runtime/load-case.js";
import { loadSqlJsCase } from "./sql-js-case.js";

let q: Module;
let runtime: Module;
let open: () => Database;

beforeAll(async () => {
  ({ query: q, runtime, open } = await loadSqlJsCase());
});

const note = (title: string, more: Partial<{ body: string | null; pinned: boolean; attachment: Uint8Array | null; score: number | null }> = {}) => ({ title, body: null, pinned: false, attachment: null, score: null, ...more });

/** Three notes: ids 1, 2, 3; "b" pinned. */
function seeded(): Database {
  const db = open();
  expect(q.addNote(db, note("a", { body: "text", attachment: Uint8Array.of(0, 1, 255), score: 1.5 }))).toBe(1);
  expect(q.addNote(db, note("b", { pinned: true }))).toBe(2);
  expect(q.addNote(db, note("c"))).toBe(3);
  return db;
}

const titles = (rows: Iterable<{ title: string }>) => [...rows].map((r) => r.title);

describe("queries on sql.js", () => {
  it(":one returns typed values: numbers, strings, booleans, Uint8Array BLOBs, NULLs; undefined when no row", () => {
    const db = seeded();
    const a = q.getNote(db, { id: 1 });
    expect(a).toEqual({ id: 1, title: "a", body: "text", pinned: false, attachment: Uint8Array.of(0, 1, 255), score: 1.5 });
    expect(a.attachment).toBeInstanceOf(Uint8Array);
    expect(q.getNote(db, { id: 2 })).toEqual({ id: 2, title: "b", body: null, pinned: true, attachment: null, score: null });
    expect(q.getNote(db, { id: 9 })).toBeUndefined();
    runtime.closeDatabase(db);
  });

  it(":many and …Iterate give the same rows; booleans bind as 1/0", () => {
    const db = seeded();
    expect(q.listNotes(db, { pinned: false })).toEqual([
      { id: 1, title: "a", pinned: false },
      { id: 3, title: "c", pinned: false },
    ]);
    expect(titles(q.listNotes(db, { pinned: true }))).toEqual(["b"]);
    expect([...q.listNotesIterate(db, { pinned: false })]).toEqual(q.listNotes(db, { pinned: false }));
    runtime.closeDatabase(db);
  });

  it(":execrows counts changes, :execresult gives changes and the new rowid, :exec deletes", () => {
    const db = seeded();
    expect(q.addNoteResult(db, { title: "d" })).toEqual({ changes: 1, lastInsertRowid: 4 });
    // OR IGNORE: nothing inserted, and the last rowid is the previous insert's.
    expect(q.addNoteResult(db, { title: "d" })).toEqual({ changes: 0, lastInsertRowid: 4 });
    expect(q.pinNotes(db, { ids: [1, 3, 99] })).toBe(2);
    expect(titles(q.listNotes(db, { pinned: true }))).toEqual(["a", "b", "c"]);
    q.deleteNote(db, { id: 2 });
    expect(q.getNote(db, { id: 2 })).toBeUndefined();
    expect(q.pinNotes(db, { ids: [2] })).toBe(0);
    runtime.closeDatabase(db);
  });

  it("slices: an empty list matches nothing, long lists are padded, past the limit is a RangeError naming sql.js", () => {
    const db = seeded();
    expect(q.listNotesByIds(db, { ids: [] })).toEqual([]);
    expect(q.pinNotes(db, { ids: [] })).toBe(0);
    expect(titles(q.listNotesByIds(db, { ids: [3, 1] }))).toEqual(["a", "c"]);
    const many = Array.from({ length: 100 }, (_, i) => i + 2);
    expect(titles(q.listNotesByIds(db, { ids: many }))).toEqual(["b", "c"]);
    expect(titles(q.listNotesByIdsIterate(db, { ids: many }))).toEqual(["b", "c"]);
    // 20000 values: padding (to 32768) would pass the limit, so the statement has exactly 20000.
    const near = Array.from({ length: 20000 }, (_, i) => i + 1);
    expect(titles(q.listNotesByIds(db, { ids: near }))).toEqual(["a", "b", "c"]);
    expect(titles(q.listNotesByIdsIterate(db, { ids: near }))).toEqual(["a", "b", "c"]);
    expect(runtime.MAX_VARIABLES).toBe(32766);
    expect(() => q.listNotesByIds(db, { ids: Array.from({ length: 32767 }, (_, i) => i) })).toThrow(RangeError);
    expect(() => q.listNotesByIds(db, { ids: Array.from({ length: 32767 }, (_, i) => i) })).toThrow(/sql\.js allows at most 32766/);
    runtime.closeDatabase(db);
  });

  it("a constraint violation throws sql.js's error, and the statement works again after it", () => {
    const db = seeded();
    let error: unknown;
    try {
      q.addNote(db, note("a"));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ message: "UNIQUE constraint failed: notes.title", code: "SQLITE_CONSTRAINT_UNIQUE" });
    expect(q.addNote(db, note("e"))).toBe(4);
    // Nothing is left mid-step: a table can be dropped.
    expect(() => db.run("DROP TABLE notes")).not.toThrow();
    runtime.closeDatabase(db);
  });

  it("integers past 2^53 lose precision: sql.js reads integers as doubles", () => {
    const db = seeded();
    db.run("UPDATE notes SET id = 9007199254740993 WHERE id = 3");
    expect(q.listNotesByIds(db, { ids: [9007199254740992] })).toEqual([]);
    expect(q.listNotes(db, { pinned: false })[1]).toEqual({ id: 9007199254740992, title: "c", pinned: false });
    runtime.closeDatabase(db);
  });
});

describe("immediate()", () => {
  const count = (db: Database) => db.exec("SELECT count(*) FROM notes")[0]!.values[0]![0];

  it("commits on return, with the function's result", () => {
    const db = seeded();
    expect(runtime.immediate(db, () => q.addNote(db, note("d")))).toBe(4);
    expect(count(db)).toBe(4);
    expect(() => db.run("ROLLBACK")).toThrow(/no transaction is active/);
    runtime.closeDatabase(db);
  });

  it("rolls back on throw, including what nested calls did, and rethrows", () => {
    const db = seeded();
    const boom = new Error("boom");
    expect(() =>
      runtime.immediate(db, () => {
        q.addNote(db, note("d"));
        runtime.immediate(db, () => q.deleteNote(db, { id: 1 }));
        throw boom;
      }),
    ).toThrow(boom);
    expect(count(db)).toBe(3);
    expect(q.getNote(db, { id: 1 })?.title).toBe("a");
    // A failing statement inside: rolled back, and the next transaction starts cleanly.
    expect(() => runtime.immediate(db, () => q.addNote(db, note("a")))).toThrow(/UNIQUE/);
    expect(runtime.immediate(db, () => q.addNoteResult(db, { title: "z" }))).toEqual({ changes: 1, lastInsertRowid: 4 });
    runtime.closeDatabase(db);
  });

  it("takes the write lock at BEGIN: a transaction already open (your own BEGIN) makes it throw", () => {
    const db = seeded();
    db.run("BEGIN");
    expect(() => runtime.immediate(db, () => 1)).toThrow(/cannot start a transaction within a transaction/);
    db.run("ROLLBACK");
    runtime.closeDatabase(db);
  });
});

describe("…Iterate()", () => {
  it("allows writes and the same query inside the loop", () => {
    const db = seeded();
    const seen: string[] = [];
    for (const row of q.listNotesIterate(db, { pinned: false })) {
      seen.push(row.title);
      expect(titles(q.listNotesIterate(db, { pinned: false }))).toContain(row.title);
      expect(q.listNotes(db, { pinned: false }).length).toBeGreaterThan(0);
      // Pinned, so that the loop does not meet the rows it adds.
      q.addNote(db, note(`${row.title}2`, { pinned: true }));
      q.deleteNote(db, { id: row.id });
    }
    expect(seen).toEqual(["a", "c"]);
    expect(q.listNotes(db, { pinned: false })).toEqual([]);
    expect(titles(q.listNotes(db, { pinned: true }))).toEqual(["a2", "b", "c2"]);
    runtime.closeDatabase(db);
  });

  it("inside immediate(), and a break leaves no statement mid-step", () => {
    const db = seeded();
    runtime.immediate(db, () => {
      for (const row of q.listNotesIterate(db, { pinned: false })) {
        q.pinNotes(db, { ids: [row.id] });
        break;
      }
    });
    expect(titles(q.listNotes(db, { pinned: true }))).toEqual(["a", "b"]);
    expect(() => db.run("DROP TABLE notes")).not.toThrow();
    runtime.closeDatabase(db);
  });

  it("an iterator open when closeDatabase() runs throws if resumed, naming its query", () => {
    const db = seeded();
    const rows = q.listNotesIterate(db, { pinned: false });
    expect(rows.next().value.title).toBe("a");
    runtime.closeDatabase(db);
    expect(() => rows.next()).toThrow(/ListNotes: this iterator's database was closed by closeDatabase\(\)/);
  });
});

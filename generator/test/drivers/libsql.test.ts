/**
 * The driver-libsql golden case's generated code on the real `libsql` package (synchronous):
 * rows and their types, NULLs (a lone NULL or blob argument included, which libsql misreads when
 * spread), changes, rowids, slices (empty too), constraint errors, immediate() commit and
 * rollback, iterators, and a type check of its use against libsql's own types.
 */
import Database from "libsql";
import { beforeAll, describe, expect, it } from "vitest";
import { loadDriverCase, typecheckUse, type DriverCase, type Module } from "./load-driver-case.js";

let c: DriverCase;
let q: Module;
let rt: Module;
beforeAll(async () => {
  c = await loadDriverCase("driver-libsql");
  q = c.query;
  rt = c.runtime;
});

function open(): Database.Database {
  const db = new Database(":memory:");
  db.exec(c.schema);
  return db;
}

const note = (title: string, extra: Record<string, unknown> = {}) => ({ title, body: null, pinned: false, attachment: null, ...extra });

describe("libsql", () => {
  it("inserts and reads rows with their types, NULLs and blobs", () => {
    const db = open();
    expect(q.addNote(db, note("first", { body: "hello", pinned: true, attachment: Uint8Array.of(0, 1, 255) }))).toBe(1);
    expect(q.addNote(db, note("second"))).toBe(2);
    const row = q.getNote(db, { id: 1 });
    // libsql returns a Buffer, which is a Uint8Array.
    expect({ ...row, attachment: [...row.attachment] }).toEqual({ id: 1, title: "first", body: "hello", pinned: true, attachment: [0, 1, 255] });
    expect(row.attachment).toBeInstanceOf(Uint8Array);
    expect(q.getNote(db, { id: 2 })).toEqual({ id: 2, title: "second", body: null, pinned: false, attachment: null });
    expect(q.getNote(db, { id: 99 })).toBeUndefined();
  });

  it("binds a lone NULL and a lone blob positionally", () => {
    const db = open();
    // libsql itself refuses a lone spread NULL (and aborts the process on a lone Uint8Array).
    expect(() => db.prepare("SELECT ?").get(null)).toThrow();
    db.exec("CREATE TABLE one (v)");
    const insert = new rt.PlainQuery("INSERT INTO one (v) VALUES (?)", "Insert", { v: "unknown" }, false);
    insert.run(db, { v: null }, null);
    insert.run(db, { v: Uint8Array.of(7) }, Uint8Array.of(7));
    const select = new rt.PlainQuery("SELECT v FROM one WHERE v IS ?", "Select", { v: "unknown" }, true);
    expect(select.statement(db).get(null)).toEqual([null]);
    expect(select.statement(db).all(Uint8Array.of(7))).toEqual([[Buffer.of(7)]]);
  });

  it("pages with :many and its iterator, and reads a slice, an empty one included", () => {
    const db = open();
    for (const t of ["a", "b", "c"]) q.addNote(db, note(t));
    expect(q.listNotes(db, { after: 0, page: 2 })).toEqual([
      { id: 1, title: "a", pinned: false },
      { id: 2, title: "b", pinned: false },
    ]);
    expect([...q.listNotesIterate(db, { after: 1, page: 10 })].map((r: { id: number }) => r.id)).toEqual([2, 3]);
    expect(q.listNotesByIds(db, { ids: [3, 1, 9] }).map((r: { id: number }) => r.id)).toEqual([1, 3]);
    expect([...q.listNotesByIdsIterate(db, { ids: [2] })]).toEqual([{ id: 2, title: "b" }]);
    expect(q.listNotesByIds(db, { ids: [] })).toEqual([]);
  });

  it("writes inside an open iterator's loop, and a dropped iterator leaves the query's get() right", () => {
    const db = open();
    for (let i = 0; i < 150; i++) q.addNote(db, note(`n${i}`));
    const seen: number[] = [];
    for (const r of q.listNotesIterate(db, { after: 0, page: 150 })) {
      seen.push(r.id);
      if (r.id === 1) q.pinNote(db, { pinned: true, id: 150 });
      if (r.id === 120) break;
    }
    expect(seen.length).toBe(120);
    expect(q.getNote(db, { id: 150 }).pinned).toBe(true);
    const dropped = q.listNotesIterate(db, { after: 0, page: 150 });
    dropped.next();
    expect(q.listNotes(db, { after: 148, page: 5 }).map((r: { id: number }) => r.id)).toEqual([149, 150]);
  });

  it("reports changes and rowids, and throws the driver's constraint error", () => {
    const db = open();
    q.addNote(db, note("a"));
    q.addNote(db, note("b"));
    q.pinNote(db, { pinned: true, id: 1 });
    expect(q.getNote(db, { id: 1 }).pinned).toBe(true);
    expect(q.renameNote(db, { title: "z", id: 1 })).toEqual({ changes: 1, lastInsertRowid: 2 });
    expect(q.renameNote(db, { title: "b", id: 1 }).changes).toBe(0);
    expect(q.deleteNotesByIds(db, { ids: [2, 5] })).toBe(1);
    expect(q.deleteNotesByIds(db, { ids: [] })).toBe(0);
    expect(() => q.addNote(db, note("z"))).toThrow(expect.objectContaining({ code: "SQLITE_CONSTRAINT_UNIQUE", message: "UNIQUE constraint failed: notes.title" }));
  });

  it("runs a :one again after the driver threw from it (libsql's get() would throw the same error again)", () => {
    const db = open();
    expect(q.createNote(db, { title: "a" })).toEqual({ id: 1, title: "a" });
    expect(() => q.createNote(db, { title: "a" })).toThrow(/UNIQUE/);
    expect(q.createNote(db, { title: "b" })).toEqual({ id: 2, title: "b" });
    const raw = db.prepare("INSERT INTO notes (title) VALUES (?) RETURNING id");
    expect(() => raw.get(["a"])).toThrow(/UNIQUE/);
    expect(() => raw.get(["c"])).toThrow(/UNIQUE/); // the driver alone: stuck
  });

  it("commits immediate() on return and rolls back on throw, joining nested calls", () => {
    const db = open();
    const ids = rt.immediate(db, () => {
      expect(db.inTransaction).toBe(true);
      const a = q.addNote(db, note("a"));
      return [a, rt.immediate(db, () => q.addNote(db, note("b")))];
    });
    expect(db.inTransaction).toBe(false);
    expect(q.listNotesByIds(db, { ids }).length).toBe(2);
    expect(() =>
      rt.immediate(db, () => {
        q.addNote(db, note("c"));
        q.addNote(db, note("a"));
      }),
    ).toThrow(/UNIQUE/);
    expect(db.inTransaction).toBe(false);
    expect(q.listNotes(db, { after: 0, page: 10 }).map((r: { title: string }) => r.title)).toEqual(["a", "b"]);
  });

  it("type-checks a use of the generated code against libsql's own types", () => {
    const use = [
      'import Libsql from "libsql";',
      'import { immediate, type Database } from "./db.js";',
      'import { addNote, listNotesIterate } from "./query.js";',
      'const db = new Libsql(":memory:");',
      "const asDb: Database = db;",
      'export const id: number = immediate(db, () => addNote(asDb, { title: "t", body: null, pinned: true, attachment: null }));',
      "for (const r of listNotesIterate(db, { after: 0, page: 1 })) r.title.toUpperCase();",
    ].join("\n");
    expect(typecheckUse(c, use, ["libsql"])).toEqual([]);
  });
});

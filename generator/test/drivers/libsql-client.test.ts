/**
 * The driver-libsql-client golden case's generated code on the real @libsql/client, for `:memory:`
 * and for a `file:` database in a temp folder: rows and their types, NULLs, changes, rowids,
 * slices (empty too), constraint errors, transactions, and a type check of its use against the
 * client's own types.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createClient, LibsqlError, type Client } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDriverCase, typecheckUse, type DriverCase, type Module } from "./load-driver-case.js";

let c: DriverCase;
let q: Module;
let db: Module;
beforeAll(async () => {
  c = await loadDriverCase("driver-libsql-client");
  q = c.query;
  db = c.runtime;
});

const urls: Record<string, () => string> = {
  ":memory:": () => ":memory:",
  "file:": () => pathToFileURL(join(mkdtempSync(join(tmpdir(), "sqlgen-libsql-client-")), "notes.db")).href,
};

describe.each(Object.keys(urls))("@libsql/client on %s", (kind) => {
  let client: Client;
  beforeAll(async () => {
    client = createClient({ url: urls[kind]!() });
    await client.executeMultiple(c.schema);
  });
  afterAll(() => client.close());

  const note = (title: string, extra: Record<string, unknown> = {}) => ({ title, body: null, pinned: false, attachment: null, ...extra });

  it("inserts and reads rows with their types, NULLs and blobs", async () => {
    const id = await q.addNote(client, note("first", { body: "hello", pinned: true, attachment: Uint8Array.of(0, 1, 255) }));
    expect(id).toBe(1);
    const second = await q.addNote(client, note("second"));
    expect(second).toBe(2);
    const row = await q.getNote(client, { id });
    expect(row).toEqual({ id: 1, title: "first", body: "hello", pinned: true, attachment: Uint8Array.of(0, 1, 255) });
    expect(row.attachment).toBeInstanceOf(Uint8Array);
    expect(await q.getNote(client, { id: second })).toEqual({ id: 2, title: "second", body: null, pinned: false, attachment: null });
    expect(await q.getNote(client, { id: 99 })).toBeUndefined();
  });

  it("pages with :many, and reads a slice, an empty one included", async () => {
    expect(await q.listNotes(client, { after: 0, page: 1 })).toEqual([{ id: 1, title: "first", pinned: true }]);
    expect(await q.listNotes(client, { after: 1, page: 10 })).toEqual([{ id: 2, title: "second", pinned: false }]);
    expect(await q.listNotes(client, { after: 2, page: 10 })).toEqual([]);
    expect(await q.listNotesByIds(client, { ids: [2, 1, 7] })).toEqual([
      { id: 1, title: "first" },
      { id: 2, title: "second" },
    ]);
    expect(await q.listNotesByIds(client, { ids: [] })).toEqual([]);
    const many = Array.from({ length: 100 }, (_, i) => i + 1);
    expect((await q.listNotesByIds(client, { ids: many })).map((r: { id: number }) => r.id)).toEqual([1, 2]);
  });

  it("reports changes and rowids of writes", async () => {
    await q.pinNote(client, { pinned: false, id: 1 });
    expect((await q.getNote(client, { id: 1 })).pinned).toBe(false);
    expect(await q.renameNote(client, { title: "renamed", id: 1 })).toEqual({ changes: 1, lastInsertRowid: 2 });
    // OR IGNORE on a UNIQUE conflict: nothing changed.
    expect((await q.renameNote(client, { title: "second", id: 1 })).changes).toBe(0);
    const third = await q.addNote(client, note("third"));
    expect(third).toBe(3);
    expect(await q.deleteNotesByIds(client, { ids: [3, 42] })).toBe(1);
    expect(await q.deleteNotesByIds(client, { ids: [] })).toBe(0);
  });

  it("rejects a constraint violation with the client's error", async () => {
    const refused = q.addNote(client, note("second"));
    await expect(refused).rejects.toBeInstanceOf(LibsqlError);
    await expect(refused).rejects.toMatchObject({ code: "SQLITE_CONSTRAINT", message: expect.stringMatching(/UNIQUE constraint failed: notes.title/) });
  });

  it("runs a :one INSERT … RETURNING again after a constraint refused it", async () => {
    const created = await q.createNote(client, { title: "created" });
    expect(created).toEqual({ id: expect.any(Number), title: "created" });
    await expect(q.createNote(client, { title: "created" })).rejects.toMatchObject({ code: "SQLITE_CONSTRAINT" });
    expect((await q.createNote(client, { title: "created-2" })).id).toBe(created.id + 1);
    await q.deleteNotesByIds(client, { ids: [created.id, created.id + 1] });
  });

  it("commits a transaction when its function resolves, joining nested calls", async () => {
    const ids = await db.transaction(client, async (tx: unknown) => {
      const a = await q.addNote(tx, note("in-tx-a"));
      const b = await db.transaction(tx, async (inner: unknown) => q.addNote(inner, note("in-tx-b")));
      expect((await q.listNotesByIds(tx, { ids: [a, b] })).length).toBe(2);
      return [a, b];
    });
    expect((await q.listNotesByIds(client, { ids })).map((r: { title: string }) => r.title)).toEqual(["in-tx-a", "in-tx-b"]);
  });

  it("rolls a transaction back when its function throws, rethrowing the error", async () => {
    const before = await q.listNotes(client, { after: 0, page: 100 });
    const failed = db.transaction(client, async (tx: unknown) => {
      await q.addNote(tx, note("rolled-back"));
      await q.pinNote(tx, { pinned: true, id: 2 });
      await q.addNote(tx, note("second")); // UNIQUE: throws
    });
    await expect(failed).rejects.toMatchObject({ code: "SQLITE_CONSTRAINT" });
    expect(await q.listNotes(client, { after: 0, page: 100 })).toEqual(before);
    // The client is usable again: the transaction gave its connection back.
    expect(await q.getNote(client, { id: 2 })).toMatchObject({ pinned: false });
    await expect(db.transaction(client, async () => Promise.reject(new Error("mine")))).rejects.toThrow("mine");
  });
});

it("type-checks a use of the generated code against @libsql/client's own types", () => {
  const use = [
    'import { createClient, type Client, type Transaction } from "@libsql/client";',
    'import { transaction, type Database } from "./db.js";',
    'import { addNote, getNote, listNotesByIds } from "./query.js";',
    "export async function use(client: Client, tx: Transaction): Promise<number> {",
    "  const asDb: Database = client;",
    "  const txAsDb: Database = tx;",
    '  const id = await addNote(asDb, { title: "t", body: null, pinned: true, attachment: new Uint8Array(1) });',
    "  await getNote(txAsDb, { id });",
    "  return transaction(client, async (t) => (await listNotesByIds(t, { ids: [id] })).length);",
    "}",
    'export const local: Client = createClient({ url: ":memory:", intMode: "number" });',
  ].join("\n");
  expect(typecheckUse(c, use, ["@libsql/client"])).toEqual([]);
});

/** Each command's result on real data: :one, :many, :exec, :execrows, :execlastid, :execresult. */
import { describe, expect, it } from "vitest";
import { countingPrepares, loadCase } from "./load-case.js";

describe("commands", () => {
  it(":one returns the row, or undefined when there is none; the statement is prepared once", async () => {
    const { query, open } = await loadCase("one-basic");
    const { db, count } = countingPrepares(open());
    db.prepare("INSERT INTO workspaces (id, name) VALUES (x'01', 'w')").run();
    db.prepare("INSERT INTO http (id, workspace_id, name, is_delta) VALUES (x'0a', x'01', 'req', 1)").run();
    const row = query.getHttp(db, { id: Uint8Array.of(10), workspaceId: Uint8Array.of(1) });
    expect(row).toEqual({ id: Buffer.from([10]), workspaceId: Buffer.from([1]), name: "req", url: null, method: "GET", isDelta: true, parentHttpId: null, updatedAt: expect.any(Number) });
    expect(query.getHttp(db, { id: Uint8Array.of(11), workspaceId: Uint8Array.of(1) })).toBeUndefined();
    query.getHttp(db, { id: Uint8Array.of(10), workspaceId: Uint8Array.of(1) });
    expect(count()).toBe(3); // two INSERTs above, then one prepare for three calls
  });

  it(":execrows counts changed rows", async () => {
    const { query, open } = await loadCase("execrows");
    const db = open();
    db.prepare("INSERT INTO workspaces (id, name) VALUES (x'01', 'a'), (x'02', 'b')").run();
    expect(query.renameWorkspace(db, { name: "z", id: Uint8Array.of(1) })).toBe(1);
    expect(query.renameWorkspace(db, { name: "z", id: Uint8Array.of(9) })).toBe(0);
  });

  it(":execlastid returns the new rowid", async () => {
    const { query, open } = await loadCase("execlastid");
    const db = open();
    expect(query.addTag(db, { label: "a" })).toBe(1);
    expect(query.addTag(db, { label: "b" })).toBe(2);
  });

  it("booleans read right in every integer mode: with better-sqlite3's safe integers, FALSE (0n) is false", async () => {
    const { query, open } = await loadCase("booleans");
    const db = open();
    db.defaultSafeIntegers(true);
    db.exec("INSERT INTO workspaces (id, name) VALUES (x'01', 'w'); INSERT INTO http (id, workspace_id, name, is_delta) VALUES (x'0a', x'01', 'a', 0), (x'0b', x'01', 'b', 1)");
    expect(query.listDeltas(db, { isDelta: false, workspaceId: Uint8Array.of(1) })).toEqual([{ id: Buffer.from([10]), isDelta: false }]);
    expect(query.listDeltas(db, { isDelta: true, workspaceId: Uint8Array.of(1) })).toEqual([{ id: Buffer.from([11]), isDelta: true }]);
  });

  it(":execlastid and :execresult give numbers when the driver reads integers as bigint", async () => {
    const { query, open } = await loadCase("execresult");
    const db = open();
    db.defaultSafeIntegers(true);
    expect(query.addTagIgnore(db, { label: "a" })).toEqual({ changes: 1, lastInsertRowid: 1 });
  });

  it(":execresult returns changes and lastInsertRowid", async () => {
    const { query, open } = await loadCase("execresult");
    const db = open();
    expect(query.addTagIgnore(db, { label: "a" })).toEqual({ changes: 1, lastInsertRowid: 1 });
    expect(query.addTagIgnore(db, { label: "a" }).changes).toBe(0);
  });

  it(":many returns all rows and Iterate yields the same rows lazily", async () => {
    const { query, open } = await loadCase("many-and-iterate");
    const db = open();
    db.prepare("INSERT INTO workspaces (id, name) VALUES (x'01', 'w')").run();
    for (const n of ["b", "a", "c"]) db.prepare("INSERT INTO http (id, workspace_id, name) VALUES (?, x'01', ?)").run(Buffer.from(n), n);
    const rows = query.listHttpByWorkspace(db, { workspaceId: Uint8Array.of(1) });
    expect(rows.map((r: { name: string }) => r.name)).toEqual(["a", "b", "c"]);
    const it = query.listHttpByWorkspaceIterate(db, { workspaceId: Uint8Array.of(1) });
    expect(it.next().value.name).toBe("a");
    expect([...it].map((r: { name: string }) => r.name)).toEqual(["b", "c"]);
  });
});

describe("conversions", () => {
  it("booleans bind as 1/0 and read back as booleans", async () => {
    const { query, open } = await loadCase("booleans");
    const db = open();
    db.prepare("INSERT INTO workspaces (id, name) VALUES (x'01', 'w')").run();
    db.prepare("INSERT INTO http (id, workspace_id, name) VALUES (x'0a', x'01', 'a'), (x'0b', x'01', 'b')").run();
    query.setDelta(db, { isDelta: true, id: Uint8Array.of(10) });
    expect(db.prepare("SELECT is_delta FROM http WHERE id = x'0a'").pluck().get()).toBe(1);
    expect(query.listDeltas(db, { isDelta: true, workspaceId: Uint8Array.of(1) })).toEqual([{ id: Buffer.from([10]), isDelta: true }]);
    expect(query.listDeltas(db, { isDelta: false, workspaceId: Uint8Array.of(1) })).toEqual([{ id: Buffer.from([11]), isDelta: false }]);
  });

  it("BLOBs go in as Uint8Array and come back byte for byte", async () => {
    const { query, open } = await loadCase("blobs");
    const db = open();
    const content = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) % 256);
    query.putFile(db, { id: Uint8Array.of(1, 2, 3), content });
    const row = query.getFile(db, { id: Uint8Array.of(1, 2, 3) });
    expect(row.content).toBeInstanceOf(Uint8Array);
    expect(Array.from(row.content)).toEqual(Array.from(content));
    expect(row.size).toBe(1000);
  });

  it("an embedded table on the optional side of a LEFT JOIN is null without a match", async () => {
    const { query, open } = await loadCase("embed-left-join");
    const db = open();
    db.prepare("INSERT INTO workspaces (id, name) VALUES (x'01', 'w')").run();
    db.prepare("INSERT INTO http (id, workspace_id, name) VALUES (x'0a', x'01', 'base')").run();
    db.prepare("INSERT INTO http (id, workspace_id, name, parent_http_id, is_delta) VALUES (x'0b', x'01', 'delta', x'0a', 1)").run();
    const rows = query.listHttpWithParent(db, { workspaceId: Uint8Array.of(1) });
    const byName = Object.fromEntries(rows.map((r: { name: string }) => [r.name, r]));
    expect(byName.base.parent).toBeNull();
    expect(byName.delta.parent).toMatchObject({ name: "base", isDelta: false, parentHttpId: null });
  });
});

describe("immediate()", () => {
  it("commits on return and rolls back on throw, preparing its statements once per database", async () => {
    const { runtime, open } = await loadCase("execlastid");
    const { db, count } = countingPrepares(open());
    const insert = db.prepare("INSERT INTO tags (label) VALUES (?)");
    runtime.immediate(db, () => insert.run("kept"));
    expect(() =>
      runtime.immediate(db, () => {
        insert.run("lost");
        throw new Error("abort");
      }),
    ).toThrow("abort");
    runtime.immediate(db, () => runtime.immediate(db, () => insert.run("nested")));
    expect(count()).toBe(4); // the INSERT, then BEGIN IMMEDIATE, COMMIT and ROLLBACK once
    expect(db.prepare("SELECT label FROM tags").pluck().all()).toEqual(["kept", "nested"]);
    expect(db.inTransaction).toBe(false);
  });
});

/**
 * Each defect of the spec's queries, shown on the spec's own SQL where it runs, and fixed by the
 * generated query. Numbers follow the list.
 */
import Database from "better-sqlite3";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as q from "../../generated/index.js";
import { applySchema, openStreamingDatabase } from "./connection.js";
import { createHttp, fresh, id, setTimes, ws } from "./fixtures.js";
import { asHttpId } from "./ids.js";

/** The keyset cursor before every id (ids are 16 bytes; the empty one sorts first). */
const noId = asHttpId(new Uint8Array(0));

const T = 1_700_000_000;
const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

describe("1. StreamHTTPUpdates classifies changes", () => {
  it("calls a newly created row 'created' (the spec's CASE said 'updated')", () => {
    const { db } = fresh();
    createHttp(db, 1);
    setTimes(db, 1, T + 10, T + 10);
    const spec = db.prepare(`SELECT CASE WHEN h.updated_at > ? THEN 'updated' WHEN h.created_at > ? THEN 'created' ELSE 'unchanged' END AS change_type
      FROM http h WHERE h.workspace_id = ? AND (h.updated_at > ? OR h.created_at > ?) AND h.is_delta = FALSE ORDER BY h.updated_at ASC LIMIT ?`);
    expect(spec.pluck().get(T, T, ws, T, T, 10)).toBe("updated");
    const [row] = q.streamHTTPUpdates(db, { workspaceId: ws, afterUpdatedAt: T, afterId: noId, batchSize: 10 });
    expect(row.changeType).toBe("created");
  });

  it("calls a row changed after the cursor 'updated'", () => {
    const { db } = fresh();
    const created = createHttp(db, 1);
    setTimes(db, 1, T, T);
    q.updateHTTP(db, { id: id(1), workspaceId: ws, version: created.version, name: "new", url: "", method: "GET", description: "" });
    setTimes(db, 1, T, T + 5);
    const [row] = q.streamHTTPUpdates(db, { workspaceId: ws, afterUpdatedAt: T + 1, afterId: noId, batchSize: 10 });
    expect(row).toMatchObject({ name: "new", changeType: "updated", version: 2 });
  });
});

describe("2. keyset cursors", () => {
  // Five rows changed within one second, read in pages of two.
  function sameSecond() {
    const { db } = fresh();
    for (let n = 1; n <= 5; n++) {
      createHttp(db, n);
      setTimes(db, n, T, T);
    }
    return db;
  }

  it("the spec's `updated_at > ? LIMIT n` loses rows sharing the boundary second", () => {
    const db = sameSecond();
    const page = db.prepare("SELECT id, updated_at FROM http WHERE workspace_id = ? AND updated_at > ? AND is_delta = FALSE ORDER BY updated_at ASC LIMIT ?");
    const seen: string[] = [];
    let since = T - 1;
    for (;;) {
      const rows = page.all(ws, since, 2) as { id: Buffer; updated_at: number }[];
      if (rows.length === 0) break;
      seen.push(...rows.map((r) => hex(r.id)));
      since = rows[rows.length - 1].updated_at;
    }
    expect(seen.length).toBe(2); // three rows never arrive
  });

  it("StreamHTTPUpdates with (updated_at, id) > (?, ?) delivers every row once", () => {
    const db = sameSecond();
    const seen: string[] = [];
    let cursor = { afterUpdatedAt: T - 1, afterId: noId };
    for (;;) {
      const rows = q.streamHTTPUpdates(db, { workspaceId: ws, ...cursor, batchSize: 2 });
      if (rows.length === 0) break;
      seen.push(...rows.map((r) => hex(r.id)));
      const last = rows[rows.length - 1];
      cursor = { afterUpdatedAt: last.updatedAt, afterId: last.id };
    }
    expect(seen).toEqual([1, 2, 3, 4, 5].map((n) => hex(id(n))));
  });

  it("the snapshot pages by keyset too, where OFFSET repeats a row after a concurrent delete… or skips one", () => {
    const db = sameSecond();
    const first = q.getHTTPWorkspaceSnapshotOffset(db, { workspaceId: ws, updatedAt: 0, limit: 2, offset: 0 });
    q.deleteHTTP(db, { id: first[0].id, workspaceId: ws });
    const second = q.getHTTPWorkspaceSnapshotOffset(db, { workspaceId: ws, updatedAt: 0, limit: 2, offset: 2 });
    const offsetSeen = new Set([...first, ...second].map((r) => hex(r.id)));
    // With one row deleted, 4 remain; OFFSET skipped one of them.
    const remaining = (db.prepare("SELECT id FROM http").pluck().all() as Buffer[]).map(hex);
    expect(remaining.filter((r) => !offsetSeen.has(r)).length).toBe(1);

    const db2 = sameSecond();
    const page1 = q.getHTTPWorkspaceSnapshotStreaming(db2, { workspaceId: ws, afterUpdatedAt: -1, afterId: noId, pageSize: 2 });
    q.deleteHTTP(db2, { id: page1[0].id, workspaceId: ws });
    const last = page1[page1.length - 1];
    const page2 = q.getHTTPWorkspaceSnapshotStreaming(db2, { workspaceId: ws, afterUpdatedAt: last.updatedAt, afterId: last.id, pageSize: 10 });
    const keysetSeen = new Set([...page1, ...page2].map((r) => hex(r.id)));
    const remaining2 = (db2.prepare("SELECT id FROM http").pluck().all() as Buffer[]).map(hex);
    expect(remaining2.every((r) => keysetSeen.has(r))).toBe(true);
    expect(page1[0]).toMatchObject({ deltaFlag: 0, hasParentFlag: 0, isDelta: false });
  });
});

describe("3. optimistic locking", () => {
  it("the spec's check on updated_at lets two updates within one second both win", () => {
    // The race needs the write and both updates in one second: start early in a second (the three
    // statements take a few milliseconds).
    while (Date.now() % 1000 > 800) {
      // wait for the next second
    }
    const { db } = fresh();
    createHttp(db, 1);
    const seen = db.prepare("SELECT updated_at FROM http WHERE id = ?").pluck().get(id(1)) as number;
    const spec = db.prepare("UPDATE http SET name = ?, updated_at = unixepoch() WHERE id = ? AND workspace_id = ? AND updated_at = ?");
    // Both writers read the row in the same second as its last write: both updates pass.
    expect(spec.run("writer A", id(1), ws, seen).changes + spec.run("writer B", id(1), ws, seen).changes).toBe(2);
  });

  it("TestConcurrentHTTPUpdate checks a version: the second writer learns it lost (0 rows)", () => {
    const { db } = fresh();
    const { version } = createHttp(db, 1);
    expect(q.testConcurrentHTTPUpdate(db, { name: "writer A", id: id(1), workspaceId: ws, version })).toBe(1);
    expect(q.testConcurrentHTTPUpdate(db, { name: "writer B", id: id(1), workspaceId: ws, version })).toBe(0);
    expect(q.getHTTP(db, { id: id(1), workspaceId: ws })).toMatchObject({ name: "writer A", version: version + 1 });
  });
});

describe("4. pessimistic locking without FOR UPDATE", () => {
  it("immediate() holds the write lock: another connection cannot write until it ends", () => {
    const path = join(mkdtempSync(join(tmpdir(), "sqlgen-lock-")), "app.db");
    const a = openStreamingDatabase(path);
    const b = openStreamingDatabase(path, { busyTimeoutMs: 0 });
    q.createWorkspace(a.db, { id: ws, name: "w" });
    createHttp(a.db, 1);
    q.immediate(a.db, () => {
      const locked = q.lockHTTPForStreamingUpdate(a.db, { id: id(1), workspaceId: ws });
      if (locked === undefined) throw new Error("request 1 was just created");
      expect(() => q.testConcurrentHTTPUpdate(b.db, { name: "intruder", id: id(1), workspaceId: ws, version: locked.version })).toThrow(/database is locked/);
      q.testConcurrentHTTPUpdate(a.db, { name: "holder", id: id(1), workspaceId: ws, version: locked.version });
    });
    expect(q.getHTTP(b.db, { id: id(1), workspaceId: ws })?.name).toBe("holder");
    a.close();
    b.close();
  });
});

describe("5. deletes reach clients through the change feed", () => {
  it("a timestamp stream never reports a delete; the feed reports it once, in order", () => {
    const { db } = fresh();
    createHttp(db, 1);
    createHttp(db, 2);
    const cursor = q.latestChangeSeq(db, { workspaceId: ws });
    q.updateHTTP(db, { id: id(1), workspaceId: ws, version: 1, name: "renamed", url: "", method: "GET", description: "" });
    q.deleteHTTP(db, { id: id(2), workspaceId: ws });
    // The spec's incremental query cannot see the deleted row at all.
    const stream = q.streamHTTPUpdates(db, { workspaceId: ws, afterUpdatedAt: 0, afterId: noId, batchSize: 10 });
    expect(stream.map((r) => hex(r.id))).toEqual([hex(id(1))]);
    const feed = q.streamWorkspaceChanges(db, { workspaceId: ws, afterSeq: cursor, batchSize: 10 });
    expect(feed.map((c) => [c.op, hex(c.rowId)])).toEqual([
      ["update", hex(id(1))],
      ["delete", hex(id(2))],
    ]);
    expect(feed[1].name).toBeNull(); // a tombstone carries no row
    expect(feed[0].seq).toBeLessThan(feed[1].seq);
    expect(q.streamWorkspaceChanges(db, { workspaceId: ws, afterSeq: feed[1].seq, batchSize: 10 })).toEqual([]);
  });

  it("cascaded deletes are in the feed too", () => {
    const { db } = fresh();
    createHttp(db, 1);
    q.createHTTPDelta(db, { id: id(2), parentHttpId: id(1), workspaceId: ws, deltaName: "d", deltaUrl: null, deltaMethod: null, deltaDescription: null });
    const cursor = q.latestChangeSeq(db, { workspaceId: ws });
    q.deleteHTTP(db, { id: id(1), workspaceId: ws });
    const ops = q.streamWorkspaceChanges(db, { workspaceId: ws, afterSeq: cursor, batchSize: 10 }).map((c) => `${c.op} ${c.rowId[15]}`);
    expect(ops.sort()).toEqual(["delete 1", "delete 2"]);
  });
});

describe("6. deltas", () => {
  function withDeltas() {
    const { db } = fresh();
    createHttp(db, 1, { name: "base", url: "https://base", method: "GET", description: "base description" });
    const delta = (n: number, at: number, fields: Partial<q.CreateHTTPDeltaParams>) => {
      q.createHTTPDelta(db, { id: id(n), parentHttpId: id(1), workspaceId: ws, deltaName: null, deltaUrl: null, deltaMethod: null, deltaDescription: null, ...fields });
      setTimes(db, n, at, at);
    };
    setTimes(db, 1, T, T);
    delta(2, T + 10, { deltaUrl: "https://first" });
    delta(3, T + 20, { deltaName: "second name", deltaMethod: "POST" });
    delta(4, T + 30, { deltaUrl: "https://third" });
    return db;
  }

  it("applies every delta up to as_of in time order: the latest that sets a field wins, NULL keeps the earlier value", () => {
    const db = withDeltas();
    const at = (asOf: number) => q.resolveHTTPWithDeltasOptimized(db, { id: id(1), asOf });
    expect(at(T + 5)).toMatchObject({ name: "base", url: "https://base", method: "GET", description: "base description", updatedAt: T });
    expect(at(T + 10)).toMatchObject({ name: "base", url: "https://first", method: "GET" });
    expect(at(T + 25)).toMatchObject({ name: "second name", url: "https://first", method: "POST", description: "base description", updatedAt: T + 20 });
    expect(at(T + 99)).toMatchObject({ name: "second name", url: "https://third", method: "POST", updatedAt: T + 30 });
    expect(at(T + 99)?.id).toEqual(id(1));
  });

  it("the spec's resolution keeps only one delta's overrides when a request has several", () => {
    const db = withDeltas();
    const spec = db.prepare(`WITH RECURSIVE delta_chain AS (
        SELECT h.id, h.name, h.url, h.method, h.description, h.updated_at, 0 as level FROM http h WHERE h.id = ? AND h.is_delta = FALSE
        UNION ALL
        SELECT d.id, COALESCE(d.delta_name, dc.name), COALESCE(d.delta_url, dc.url), COALESCE(d.delta_method, dc.method),
               COALESCE(d.delta_description, dc.description), d.updated_at, dc.level + 1
        FROM http d INNER JOIN delta_chain dc ON d.parent_http_id = dc.id
        WHERE d.is_delta = TRUE AND d.parent_http_id = dc.id AND d.updated_at <= ?)
      SELECT id, name, url, method, description, updated_at FROM delta_chain ORDER BY level DESC LIMIT 1`);
    const row = spec.get(id(1), T + 99) as { name: string; url: string };
    // Whichever delta it picks, it misses the others: never both the second's name and the third's url.
    expect(row.name === "second name" && row.url === "https://third").toBe(false);
  });

  it("StreamHTTPDeltas returns the deltas of the listed parents after a cursor", () => {
    const db = withDeltas();
    createHttp(db, 9);
    q.createHTTPDelta(db, { id: id(10), parentHttpId: id(9), workspaceId: ws, deltaName: "other", deltaUrl: null, deltaMethod: null, deltaDescription: null });
    const all = q.streamHTTPDeltas(db, { parentIds: [id(1)], afterUpdatedAt: 0, afterId: noId });
    expect(all.map((d) => d.id[15])).toEqual([2, 3, 4]);
    const after = q.streamHTTPDeltas(db, { parentIds: [id(1), id(9)], afterUpdatedAt: T + 20, afterId: id(3) });
    expect(after.map((d) => d.id[15]).sort()).toEqual([10, 4].sort());
    expect(q.streamHTTPDeltas(db, { parentIds: [], afterUpdatedAt: 0, afterId: noId })).toEqual([]);
  });
});

describe("7. cascade and validation", () => {
  it("CascadeHTTPDeleteStreaming leaves no orphan in any child table", () => {
    const { db } = fresh();
    createHttp(db, 1);
    q.createHTTPDelta(db, { id: id(2), parentHttpId: id(1), workspaceId: ws, deltaName: "d", deltaUrl: null, deltaMethod: null, deltaDescription: null });
    createHttp(db, 3);
    for (const [n, httpId] of [[20, 1], [21, 2], [22, 3]] as const) {
      q.insertHTTPHeader(db, { id: id(n), httpId: id(httpId), key: "k", value: "v", enabled: true, prev: null, next: null });
      q.insertHTTPSearchParam(db, { id: id(n), httpId: id(httpId), key: "k", value: "v", enabled: true, prev: null, next: null });
      q.insertHTTPBodyForm(db, { id: id(n), httpId: id(httpId), key: "k", value: "v", enabled: true, prev: null, next: null });
      q.insertHTTPAssert(db, { id: id(n), httpId: id(httpId), expression: "true", enabled: true, prev: null, next: null });
    }
    expect(q.cascadeHTTPDeleteStreaming(db, { id: id(1), workspaceId: ws })).toBe(1);
    expect(db.prepare("SELECT count(*) FROM http").pluck().get()).toBe(1);
    for (const t of ["http_header", "http_search_param", "http_body_form", "http_assert"]) {
      const orphans = db.prepare(`SELECT count(*) FROM ${t} c LEFT JOIN http h ON h.id = c.http_id WHERE h.id IS NULL`).pluck().get();
      expect(orphans, t).toBe(0);
      expect(db.prepare(`SELECT count(*) FROM ${t}`).pluck().get(), t).toBe(1);
    }
    expect(db.pragma("foreign_key_check")).toEqual([]);
  });

  it("without foreign_keys=ON (the spec's set-up) the same delete leaves orphans", () => {
    const db = new Database(":memory:");
    // SQLite's default; better-sqlite3 happens to be built with foreign keys on, other drivers are not.
    db.pragma("foreign_keys = OFF");
    applySchema(db);
    q.createWorkspace(db, { id: ws, name: "w" });
    createHttp(db, 1);
    q.insertHTTPHeader(db, { id: id(20), httpId: id(1), key: "k", value: "v", enabled: true, prev: null, next: null });
    q.cascadeHTTPDeleteStreaming(db, { id: id(1), workspaceId: ws });
    expect(db.prepare("SELECT count(*) FROM http_header").pluck().get()).toBe(1);
  });

  it("ValidateHTTPForeignKeysBatch finds rows written with foreign keys off", () => {
    const { db } = fresh();
    q.createFolder(db, { id: id(50), workspaceId: ws, parentId: null, name: "f" });
    createHttp(db, 1, { folderId: id(50) });
    db.pragma("foreign_keys = OFF");
    createHttp(db, 2, { folderId: id(404) });
    db.prepare("INSERT INTO http (id, workspace_id, name, is_delta, parent_http_id) VALUES (?, ?, 'lost delta', TRUE, ?)").run(id(3), ws, id(1));
    db.prepare("DELETE FROM http WHERE id = ?").run(id(1));
    db.pragma("foreign_keys = ON");
    const rows = q.validateHTTPForeignKeysBatch(db, { workspaceId: ws, updatedAt: 0 });
    const status = Object.fromEntries(rows.map((r) => [r.id[15], r.validationStatus]));
    expect(status).toEqual({ 2: "invalid_folder", 3: "invalid_parent" });
  });
});

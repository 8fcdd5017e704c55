/** The application schema: every table accepts rows, constraints keep the delta system consistent. */
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import * as q from "../../generated/index.js";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applySchema, openStreamingDatabase } from "./connection.js";
import { createHttp, fresh, id, ws } from "./fixtures.js";

describe("connection", () => {
  it("applies the streaming settings, foreign keys and a busy timeout included", () => {
    const path = join(mkdtempSync(join(tmpdir(), "sqlgen-pragmas-")), "app.db");
    const { db, close } = openStreamingDatabase(path);
    const pragma = (name: string) => db.pragma(name, { simple: true });
    expect(pragma("journal_mode")).toBe("wal");
    expect(pragma("synchronous")).toBe(1); // NORMAL
    expect(pragma("foreign_keys")).toBe(1);
    expect(pragma("busy_timeout")).toBe(5000);
    expect(pragma("cache_size")).toBe(10000);
    expect(pragma("temp_store")).toBe(2); // MEMORY
    expect(pragma("mmap_size")).toBe(268435456);
    close();
    expect(db.open).toBe(false);
  });
});

describe("schema", () => {
  it("accepts an insert into every table, with foreign keys on", () => {
    const { db } = fresh();
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    q.createFolder(db, { id: id(50), workspaceId: ws, parentId: null, name: "folder" });
    createHttp(db, 10, { folderId: id(50) });
    q.createHTTPDelta(db, { id: id(11), parentHttpId: id(10), workspaceId: ws, deltaName: "renamed", deltaUrl: null, deltaMethod: null, deltaDescription: null });
    q.insertHTTPSearchParam(db, { id: id(20), httpId: id(10), key: "k", value: "v", enabled: true, prev: null, next: null });
    q.insertHTTPHeader(db, { id: id(21), httpId: id(10), key: "k", value: "v", enabled: true, prev: null, next: null });
    q.insertHTTPBodyForm(db, { id: id(22), httpId: id(10), key: "k", value: "v", enabled: false, prev: null, next: null });
    q.insertHTTPAssert(db, { id: id(23), httpId: id(10), expression: "status == 200", enabled: true, prev: null, next: null });
    q.logStreamingOperation(db, { id: id(30), workspaceId: ws, operationType: "snapshot", tableName: "http", recordCount: 1, durationMs: 2, errorMessage: null });
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    for (const t of tables) expect(db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get(), t).toBeGreaterThan(0);
    expect(db.pragma("foreign_key_check")).toEqual([]);
  });

  it("the spec's http_recent_activity_idx breaks every INSERT into http; the shipped index does not", () => {
    const spec = new Database(":memory:");
    applySchema(spec);
    spec.exec("DROP INDEX http_recent_activity_idx");
    // Section 2.3 of the spec, verbatim: SQLite accepts the CREATE INDEX…
    spec.exec("CREATE INDEX http_recent_activity_idx ON http (updated_at DESC, workspace_id) WHERE updated_at > (strftime('%s', 'now') - 86400)");
    q.createWorkspace(spec, { id: ws, name: "w" });
    // …and then rejects every row.
    expect(() => createHttp(spec, 1)).toThrow(/non-deterministic use of strftime\(\) in an index/);
    const { db } = fresh();
    expect(createHttp(db, 1).name).toBe("request 1");
  });

  it("keeps deltas consistent: a delta needs a base parent, a base has no parent or overrides", () => {
    const { db } = fresh();
    createHttp(db, 1);
    const insert = (sql: string) => () => db.prepare(sql).run(ws);
    expect(insert("INSERT INTO http (id, workspace_id, name, is_delta) VALUES (x'02', ?, 'orphan delta', TRUE)")).toThrow(/parent must be an existing base/);
    expect(insert("INSERT INTO http (id, workspace_id, name, parent_http_id) VALUES (x'03', ?, 'base with parent', x'00000000000000000000000000000001')")).toThrow(/CHECK constraint failed/);
    expect(insert("INSERT INTO http (id, workspace_id, name, delta_url) VALUES (x'04', ?, 'base with override', 'x')")).toThrow(/CHECK constraint failed/);
    q.createHTTPDelta(db, { id: id(5), parentHttpId: id(1), workspaceId: ws, deltaName: null, deltaUrl: "u", deltaMethod: null, deltaDescription: null });
    expect(insert("INSERT INTO http (id, workspace_id, name, is_delta, parent_http_id) VALUES (x'06', ?, 'delta of delta', TRUE, x'00000000000000000000000000000005')")).toThrow(/parent must be an existing base/);
  });
});

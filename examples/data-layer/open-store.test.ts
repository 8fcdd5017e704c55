/** DB picks the driver; each Store applies the schema and enforces foreign keys on a real file. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { driverFor, openStore } from "./open-store.js";
import { asHttpId, asWorkspaceId } from "./ids.js";

describe("driverFor", () => {
  it.each([
    ["app.db", "better-sqlite3"],
    ["/var/data/app.db", "better-sqlite3"],
    [":memory:", "better-sqlite3"],
    ["C:\\data\\app.db", "better-sqlite3"],
    ["file:app.db", "@libsql/client"],
    ["file:///var/data/app.db", "@libsql/client"],
    ["libsql://my-db.turso.io", "@libsql/client"],
    ["https://my-db.turso.io", "@libsql/client"],
    ["http://127.0.0.1:8080", "@libsql/client"],
    ["wss://my-db.turso.io", "@libsql/client"],
  ])("%s → %s", (db, driver) => {
    expect(driverFor(db)).toBe(driver);
  });
});

describe.each(["path", "file: URL"])("a store opened by %s", (form) => {
  it("creates the schema on an empty file, enforces foreign keys, and is the driver DB names", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "sqlgen-store-")), "app.db");
    const store = await openStore(form === "path" ? path : `file:${path}`);
    try {
      expect(store.driver).toBe(form === "path" ? "better-sqlite3" : "@libsql/client");
      const workspaceId = asWorkspaceId(Buffer.alloc(16, 7));
      const request = { id: asHttpId(Buffer.alloc(16, 8)), workspaceId, folderId: null, name: "r", url: "", method: "GET" as const, description: "" };
      // No such workspace: refused (foreign_keys is on for this connection).
      await expect(Promise.resolve().then(() => store.createHTTP(request))).rejects.toThrow(/FOREIGN KEY/);
      await store.createWorkspace({ id: workspaceId, name: "w" });
      const created = await store.createHTTP(request);
      // A Buffer on better-sqlite3, a Uint8Array on libSQL: the same bytes.
      expect(Buffer.from(created.id).equals(request.id)).toBe(true);
      expect(await store.latestChangeSeq({ workspaceId })).toBe(1);
      expect(await store.changeLogHead()).toBe(1);
    } finally {
      await store.close();
    }
  });
});

/**
 * A live database whose tables got their columns in another order than the analysed schema (ALTER
 * TABLE ADD COLUMN applied in another order) still reads every value into the right field: the star
 * queries of golden case star-expansion run as column lists by name.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { expect, it } from "vitest";
import { runCase } from "./support/cases.js";

const liveSchema = `
CREATE TABLE workspaces (created_at INTEGER NOT NULL DEFAULT 0, id BLOB NOT NULL PRIMARY KEY);
ALTER TABLE workspaces ADD COLUMN name TEXT NOT NULL DEFAULT '';
CREATE TABLE http (id BLOB NOT NULL PRIMARY KEY, updated_at INTEGER NOT NULL DEFAULT 0, workspace_id BLOB NOT NULL REFERENCES workspaces (id));
ALTER TABLE http ADD COLUMN parent_http_id BLOB REFERENCES http (id);
ALTER TABLE http ADD COLUMN is_delta BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE http ADD COLUMN method TEXT NOT NULL DEFAULT 'GET';
ALTER TABLE http ADD COLUMN url TEXT;
ALTER TABLE http ADD COLUMN name TEXT NOT NULL DEFAULT '';
INSERT INTO workspaces (id, name, created_at) VALUES (x'01', 'home', 100);
INSERT INTO http (id, workspace_id, name, url, method, is_delta, parent_http_id, updated_at) VALUES
  (x'0a', x'01', 'parent', 'https://a', 'GET', 0, NULL, 200),
  (x'0b', x'01', 'child', NULL, 'POST', 1, x'0a', 300);
`;

type Fn = (db: unknown, params?: unknown) => unknown;

// better-sqlite3 reads BLOBs as Buffers (Uint8Arrays).
const bytes = (hex: string) => Buffer.from(hex, "hex");
const parent = { id: bytes("0a"), workspaceId: bytes("01"), name: "parent", url: "https://a", method: "GET", isDelta: false, parentHttpId: null, updatedAt: 200 };
const child = { id: bytes("0b"), workspaceId: bytes("01"), name: "child", url: null, method: "POST", isDelta: true, parentHttpId: bytes("0a"), updatedAt: 300 };

it("reads the right fields from a table whose live column order differs from the schema's", async () => {
  const c = await runCase("star-expansion");
  expect(c.generate.code).toBe(0);
  const q = (await import(pathToFileURL(join(c.outDir, "query.ts")).href)) as Record<string, Fn>;
  const db = new Database(":memory:");
  db.exec(liveSchema);
  // The premise: `*` on this database returns the columns in another order than the schema declares.
  expect(db.prepare("SELECT * FROM http").columns().map((col) => col.name)).not.toEqual(["id", "workspace_id", "name", "url", "method", "is_delta", "parent_http_id", "updated_at"]);

  expect(q.getHttp(db, { id: bytes("0b") })).toEqual(child);
  expect(q.listHttpWithWorkspace(db)).toEqual([{ ...parent, workspaceName: "home" }, { ...child, workspaceName: "home" }]);
  expect(q.listHttpAndParent(db)).toEqual([
    { h: parent, p: null },
    { h: child, p: parent },
  ]);
  expect(q.readFromSubquery(db)).toEqual([{ id: bytes("01"), name: "home", createdAt: 100 }]);
  const created = q.createHttp(db, { id: bytes("0c"), workspaceId: bytes("01"), name: "new" });
  expect(created).toEqual({ id: bytes("0c"), workspaceId: bytes("01"), name: "new", url: null, method: "GET", isDelta: false, parentHttpId: null, updatedAt: 0 });
  db.close();
});

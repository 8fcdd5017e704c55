/** Test helpers: a fresh database with the application schema, ids, and a seeded workspace. */
import * as q from "../../generated/index.js";
import { openStreamingDatabase } from "./connection.js";

function bytes(n: number): Uint8Array {
  const b = Buffer.alloc(16);
  b.writeUInt32BE(n, 12);
  return b;
}

/** Request id `n` (branded: a workspace id is not accepted where a request id belongs, nor the reverse). */
export function id(n: number): q.HttpId {
  return bytes(n) as q.HttpId;
}

export function workspaceId(n: number): q.WorkspaceId {
  return bytes(n) as q.WorkspaceId;
}

export const ws = workspaceId(1);

export function fresh() {
  const handle = openStreamingDatabase(":memory:");
  q.createWorkspace(handle.db, { id: ws, name: "workspace" });
  return handle;
}

export function createHttp(db: q.Database, n: number, fields: Partial<q.CreateHTTPParams> = {}): q.CreateHTTPRow {
  return q.createHTTP(db, { id: id(n), workspaceId: ws, folderId: null, name: `request ${n}`, url: `https://example.com/${n}`, method: "GET", description: "", ...fields });
}

/** Sets a row's timestamps, to place events in chosen seconds. */
export function setTimes(db: q.Database, n: number, createdAt: number, updatedAt: number): void {
  db.prepare("UPDATE http SET created_at = ?, updated_at = ? WHERE id = ?").run(createdAt, updatedAt, id(n));
}

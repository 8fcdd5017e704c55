/**
 * A workspace's truth read from the database on a connection of its own (as another process would
 * read it), and a digest of a set of requests, so that a client's state can be compared with it
 * across processes without shipping the rows.
 */
import { createHash } from "node:crypto";
import { openStore } from "../data-layer/open-store.js";
import type { Store } from "../data-layer/store.js";
import { hex, unhex, type WireRequest } from "./wire.js";
import { asHttpId, asWorkspaceId } from "../data-layer/ids.js";

/** Runs `fn` on a connection of its own to `db` (as another process would have), with the server's driver. */
export async function onOwnConnection<T>(db: string, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(db, { migrate: false });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** The database's truth, read on a separate connection: the workspace's requests and its newest change. */
export function readDatabaseState(db: string, workspace: string): Promise<{ rows: Map<string, WireRequest>; latest: number }> {
  return onOwnConnection(db, async (store) => {
    const rows = await store.getHTTPWorkspaceSnapshotStreaming({ workspaceId: asWorkspaceId(unhex(workspace)), afterUpdatedAt: -1, afterId: asHttpId(new Uint8Array(0)), pageSize: 1_000_000 });
    const latest = await store.latestChangeSeq({ workspaceId: asWorkspaceId(unhex(workspace)) });
    return { rows: new Map(rows.map((r) => [hex(r.id), { id: hex(r.id), name: r.name, url: r.url, method: r.method, version: r.version }])), latest };
  });
}

/** The same for equal sets of requests, whatever order they were received in. */
export function stateDigest(rows: ReadonlyMap<string, WireRequest>): string {
  const hash = createHash("sha256");
  for (const id of [...rows.keys()].sort()) {
    const r = rows.get(id)!;
    hash.update(JSON.stringify([r.id, r.name, r.url, r.method, r.version]));
  }
  return hash.digest("hex");
}

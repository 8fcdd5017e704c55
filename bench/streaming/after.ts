/**
 * The "after" side: this repo's schema/ through the generated functions (generated/). Every use of
 * the generated code by bench:streaming is in this file and worker-ops.ts, so a change of the
 * generator's output shape is adapted here. The bench's ids are raw bytes; they are branded
 * (workspace and request ids, see examples/data-layer/ids.ts) where they enter the generated functions.
 */
import * as q from "../../generated/index.js";
import type { SideQueries } from "./side-queries.js";
import { asHttpId as h, asWorkspaceId as w } from "../../examples/data-layer/ids.js";

const none = h(new Uint8Array(0)); // sorts before every id: a keyset cursor at the start of a second
const past = h(new Uint8Array(16).fill(0xff)); // sorts after every (16-byte) id: a cursor at the end of a second

export function afterQueries(db: q.Database): SideQueries {
  return {
    snapshotPager: (workspaceId, pageSize) => {
      let cursor = startCursor;
      return () => {
        const rows = q.getHTTPWorkspaceSnapshotStreaming(db, { workspaceId: w(workspaceId), ...cursor, pageSize });
        cursor = cursorAfter(rows, cursor);
        return rows;
      };
    },
    // The keyset cursor (since, x'ff…') means "after the second `since`", as the spec's updated_at > ?.
    poll: (workspaceId, since, batchSize) => q.streamHTTPUpdates(db, { workspaceId: w(workspaceId), afterUpdatedAt: since, afterId: past, batchSize }),
    deltas: (parentIds, since) => q.streamHTTPDeltas(db, { parentIds: parentIds.map(h), afterUpdatedAt: since, afterId: past }),
    resolve: (id, asOf) => q.resolveHTTPWithDeltasOptimized(db, { id: h(id), asOf }),
    validate: (workspaceId, since) => q.validateHTTPForeignKeysBatch(db, { workspaceId: w(workspaceId), updatedAt: since }),
    cascadeDelete: (id, workspaceId) => q.cascadeHTTPDeleteStreaming(db, { id: h(id), workspaceId: w(workspaceId) }),
    wholeWorkspace: (workspaceId) => q.getHTTPsByWorkspaceID(db, { workspaceId: w(workspaceId) }),
  };
}

export interface Cursor {
  readonly afterUpdatedAt: number;
  readonly afterId: q.HttpId;
}
export const startCursor: Cursor = { afterUpdatedAt: -1, afterId: none };

function cursorAfter(rows: readonly { updatedAt: number; id: q.HttpId }[], otherwise: Cursor): Cursor {
  const last = rows[rows.length - 1];
  return last === undefined ? otherwise : { afterUpdatedAt: last.updatedAt, afterId: last.id };
}

export type UpdateOutcome = "updated" | "conflict" | "missing";

/** The application's reads and writes used by the concurrency and load workers. */
export function afterWorkload(db: q.Database) {
  return {
    /** The next page after `cursor`, and where the one after starts (the beginning again past the end). */
    snapshotPage(workspaceId: Uint8Array, cursor: Cursor, pageSize: number) {
      const rows = q.getHTTPWorkspaceSnapshotStreaming(db, { workspaceId: w(workspaceId), ...cursor, pageSize });
      return { rows: rows.length, next: rows.length < pageSize ? startCursor : cursorAfter(rows, cursor) };
    },
    /** Changes after `cursor`; the cursor stays when nothing new came. */
    poll(workspaceId: Uint8Array, cursor: Cursor, batchSize: number) {
      const rows = q.streamHTTPUpdates(db, { workspaceId: w(workspaceId), ...cursor, batchSize });
      return { rows: rows.length, next: cursorAfter(rows, cursor) };
    },
    changes(workspaceId: Uint8Array, afterSeq: number, batchSize: number) {
      const rows = q.streamWorkspaceChanges(db, { workspaceId: w(workspaceId), afterSeq, batchSize });
      return { rows: rows.length, lastSeq: rows.length === 0 ? afterSeq : rows[rows.length - 1].seq };
    },
    latestSeq: (workspaceId: Uint8Array) => q.latestChangeSeq(db, { workspaceId: w(workspaceId) }),
    resolve: (id: Uint8Array, asOf: number) => q.resolveHTTPWithDeltasOptimized(db, { id: h(id), asOf }),
    /** Optimistic update: read the version, write against it. */
    update(workspaceId: Uint8Array, id: Uint8Array, name: string): UpdateOutcome {
      const row = q.getHTTP(db, { id: h(id), workspaceId: w(workspaceId) });
      if (row === undefined) return "missing";
      const changed = q.updateHTTP(db, { id: h(id), workspaceId: w(workspaceId), version: row.version, name, url: row.url, method: row.method, description: row.description });
      return changed === 1 ? "updated" : "conflict";
    },
    /** A request with `perKind` items of each child list, linked in order, in one IMMEDIATE transaction. */
    createWithChildren(workspaceId: Uint8Array, id: Uint8Array, childId: (n: number) => Uint8Array, perKind: number): void {
      q.immediate(db, () => {
        q.createHTTP(db, { id: h(id), workspaceId: w(workspaceId), folderId: null, name: "load test", url: "https://api.example.com/load", method: "POST", description: "" });
        for (let kind = 0; kind < 4; kind++) {
          for (let c = 0; c < perKind; c++) {
            const n = kind * perKind + c;
            const item = { id: childId(n), httpId: h(id), enabled: true, prev: c === 0 ? null : childId(n - 1), next: c === perKind - 1 ? null : childId(n + 1) };
            if (kind === 0) q.insertHTTPSearchParam(db, { ...item, key: `k${c}`, value: "v" });
            else if (kind === 1) q.insertHTTPHeader(db, { ...item, key: `k${c}`, value: "v" });
            else if (kind === 2) q.insertHTTPBodyForm(db, { ...item, key: `k${c}`, value: "v" });
            else q.insertHTTPAssert(db, { ...item, expression: "response.status == 200" });
          }
        }
      });
    },
    createDelta: (workspaceId: Uint8Array, id: Uint8Array, parentHttpId: Uint8Array) =>
      q.createHTTPDelta(db, { id: h(id), parentHttpId: h(parentHttpId), workspaceId: w(workspaceId), deltaName: "load delta", deltaUrl: null, deltaMethod: "PUT", deltaDescription: null }) !== undefined,
    cascadeDelete: (id: Uint8Array, workspaceId: Uint8Array) => q.cascadeHTTPDeleteStreaming(db, { id: h(id), workspaceId: w(workspaceId) }),
  };
}

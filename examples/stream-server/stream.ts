/**
 * One client's stream: the change-feed position first, then the snapshot in keyset pages, then the
 * feed from that position, live. Every change after the position is replayed, so rows that move
 * while the snapshot is paged still converge; the client applies events in seq order, each once.
 */
import * as q from "../../generated/index.js";
import { measured, type StreamingMetrics } from "../data-layer/metrics.js";
import type { SseStream } from "./sse.js";
import { wireChange, wireRequest } from "./wire.js";

export interface StreamContext {
  readonly db: q.Database;
  readonly metrics: StreamingMetrics;
  /** Resolves at the next write (or after a poll interval, for writes by other processes). */
  readonly nextChange: () => Promise<void>;
}

const PAGE = 200;

export async function streamWorkspace(ctx: StreamContext, sse: SseStream, workspaceId: Uint8Array, resumeAfter: number | null): Promise<void> {
  const { db, metrics } = ctx;
  let seq = resumeAfter ?? q.latestChangeSeq(db, { workspaceId })!.seq;
  if (resumeAfter === null) {
    let cursor: { afterUpdatedAt: number; afterId: Uint8Array } = { afterUpdatedAt: -1, afterId: new Uint8Array(0) };
    for (;;) {
      const rows = measured(db, metrics, { workspaceId, type: "snapshot", table: "http" }, () =>
        q.getHTTPWorkspaceSnapshotStreaming(db, { workspaceId, ...cursor, pageSize: PAGE }), (r) => r.length);
      for (const r of rows) sse.send("snapshot", wireRequest(r));
      await sse.drained();
      if (rows.length < PAGE || sse.isClosed) break;
      const last = rows[rows.length - 1];
      cursor = { afterUpdatedAt: last.updatedAt, afterId: last.id };
    }
    sse.send("ready", { seq }, seq);
  }
  while (!sse.isClosed) {
    const changes = measured(db, metrics, { workspaceId, type: "query", table: "change_log" }, () =>
      q.streamWorkspaceChanges(db, { workspaceId, afterSeq: seq, batchSize: PAGE }), (r) => r.length, false);
    for (const c of changes) sse.send("change", wireChange(c), c.seq);
    if (changes.length > 0) seq = changes[changes.length - 1].seq;
    await sse.drained();
    if (changes.length < PAGE) await ctx.nextChange();
  }
}

/**
 * One client's stream: the change-feed position first, then the snapshot in keyset pages, then the
 * feed from that position, live. Every change after the position is replayed, so rows that move
 * while the snapshot is paged still converge; the client applies events in seq order, each once.
 */
import * as q from "../../generated/index.js";
import { measured, type PerformanceLog } from "../data-layer/metrics.js";
import type { SseStream } from "./sse.js";
import { wireChange, wireRequest } from "./wire.js";

export interface StreamContext {
  readonly db: q.Database;
  readonly log: PerformanceLog;
  /** Resolves at the next write (or after a poll interval, for writes by other processes). */
  readonly nextChange: () => Promise<void>;
}

const PAGE = 200;

export async function streamWorkspace(ctx: StreamContext, sse: SseStream, workspaceId: Uint8Array, resumeAfter: number | null): Promise<void> {
  const { db, log } = ctx;
  let seq = resumeAfter ?? q.latestChangeSeq(db, { workspaceId })!.seq;
  if (resumeAfter === null) {
    let cursor: { afterUpdatedAt: number; afterId: Uint8Array } = { afterUpdatedAt: -1, afterId: new Uint8Array(0) };
    const snapshot = { workspaceId, type: "snapshot", table: "http" } as const;
    const start = performance.now();
    let total = 0;
    for (;;) {
      // Pages are counted; the whole snapshot is one row of the log.
      const rows = measured(log, snapshot, () => q.getHTTPWorkspaceSnapshotStreaming(db, { workspaceId, ...cursor, pageSize: PAGE }), (r) => r.length, () => false);
      total += rows.length;
      for (const r of rows) sse.send("snapshot", wireRequest(r));
      await sse.drained();
      if (rows.length < PAGE || sse.isClosed) break;
      const last = rows[rows.length - 1];
      cursor = { afterUpdatedAt: last.updatedAt, afterId: last.id };
    }
    log.append(snapshot, performance.now() - start, total);
    sse.send("ready", { seq }, seq);
  }
  while (!sse.isClosed) {
    // Counted, not logged: the write that caused the change is the operation, not each client's read.
    const changes = measured(log, { workspaceId, type: "query", table: "change_log" }, () =>
      q.streamWorkspaceChanges(db, { workspaceId, afterSeq: seq, batchSize: PAGE }), (r) => r.length, () => false);
    for (const c of changes) sse.send("change", wireChange(c), c.seq);
    if (changes.length > 0) seq = changes[changes.length - 1].seq;
    await sse.drained();
    if (changes.length < PAGE) await ctx.nextChange();
  }
}

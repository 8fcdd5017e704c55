/**
 * One client of a workspace's feed. It starts at a seq (after its snapshot, or its Last-Event-ID)
 * and catches up from change_log by its own seq; once current it takes the feed's live batches.
 * A client whose buffer is full is switched back to catching up (re-read, not buffered); one more
 * than `maxLag` changes behind is dropped with a reason and can resume with Last-Event-ID.
 */
import { setImmediate as yieldToLoop } from "node:timers/promises";
import { measured, type PerformanceLog } from "../data-layer/metrics.js";
import type { Store } from "../data-layer/store.js";
import { renderEvent, type SseStream } from "./sse.js";
import { renderChanges, wireRequest } from "./wire.js";
import type { HttpId } from "../../generated/models.js";
import { asHttpId } from "../data-layer/ids.js";
import type { WorkspaceId } from "../../generated/models.js";

export const PAGE = 200;

export interface FeedContext {
  readonly store: Store;
  readonly log: PerformanceLog;
  /** Bytes a live client may have unread before it is switched to catching up. */
  readonly queueBytes: number;
  /** Changes a client may be behind the feed before it is dropped (counted in seqs, which every workspace's changes advance). */
  readonly maxLag: number;
  /**
   * The share of the event loop a feed's fan-out may take while commits come back to back: after a
   * round that kept the loop busy for t ms, the next waits t × (1 − share) / share ms, gathering the
   * commits made meanwhile into one read and one write per client.
   */
  readonly fanOutShare: number;
  /** True once the server is closing: no more reads. */
  stopped(): boolean;
}

/** What a subscriber needs of its workspace's feed: the seq it has fanned out up to. */
export interface FeedPosition {
  readonly workspaceId: WorkspaceId;
  readonly seq: number;
}

export class Subscriber {
  private live = false;

  constructor(
    private readonly ctx: FeedContext,
    private readonly feed: FeedPosition,
    readonly sse: SseStream,
    /** The last seq this client has been sent. */
    private seq: number,
  ) {}

  get isLive(): boolean {
    return this.live;
  }

  /** Sends the snapshot (when the client has no position), then catches up and goes live. */
  async start(snapshot: boolean): Promise<void> {
    if (snapshot) await this.snapshot();
    await this.catchUp();
  }

  /** A batch of the feed: the changes after `fromSeq` up to `toSeq`, rendered once for every client. */
  offer(fromSeq: number, toSeq: number, text: Buffer): void {
    if (this.sse.isClosed || this.seq >= toSeq) return;
    if (this.live && this.seq === fromSeq && this.sse.buffered < this.ctx.queueBytes) {
      this.sse.write(text);
      this.seq = toSeq;
      return;
    }
    if (toSeq - this.seq > this.ctx.maxLag) {
      // Not this.seq: what was written may not have reached the client; it knows its own last id.
      this.sse.drop(`more than ${this.ctx.maxLag} changes behind; reconnect with Last-Event-ID`);
    } else if (this.live) {
      this.catchUp().catch(() => this.sse.drop("the change feed could not be read; reconnect with Last-Event-ID"));
    }
  }

  /** Reads change_log after this client's own seq, a page at a time as the client takes them. */
  private async catchUp(): Promise<void> {
    this.live = false;
    const { store, log } = this.ctx;
    const workspaceId = this.feed.workspaceId;
    while (!this.sse.isClosed && !this.ctx.stopped()) {
      await this.sse.drained();
      if (this.ctx.stopped()) return;
      // Counted; logged only when it found changes (one row per read, not per idle client).
      const rows = await measured(log, { workspaceId, type: "query", table: "change_log" }, () =>
        store.streamWorkspaceChanges({ workspaceId, afterSeq: this.seq, batchSize: PAGE }), (r) => r.length, (n) => n > 0);
      if (rows.length > 0) {
        this.sse.write(renderChanges(rows));
        this.seq = rows[rows.length - 1].seq;
      }
      // A short page read up to the database's newest change, so at or past the feed: rejoin it.
      // Unless the feed read on while this read was in flight (on an async driver, its batch was
      // passed over here as not live): then read again, or those changes would wait for the next commit.
      if (rows.length < PAGE && this.seq >= this.feed.seq) {
        this.live = !this.sse.isClosed;
        return;
      }
      if (rows.length === PAGE) await yieldToLoop();
    }
  }

  /** Keyset pages, yielding to the event loop between them so writers and other clients go on. */
  private async snapshot(): Promise<void> {
    const { store, log } = this.ctx;
    const workspaceId = this.feed.workspaceId;
    const op = { workspaceId, type: "snapshot", table: "http" } as const;
    const start = performance.now();
    let total = 0;
    let cursor: { afterUpdatedAt: number; afterId: HttpId } = { afterUpdatedAt: -1, afterId: asHttpId(new Uint8Array(0)) };
    for (;;) {
      const rows = await measured(log, op, () => store.getHTTPWorkspaceSnapshotStreaming({ workspaceId, ...cursor, pageSize: PAGE }), (r) => r.length, () => false);
      total += rows.length;
      // A page is one write: one syscall, not one per row.
      this.sse.write(rows.map((r) => renderEvent("snapshot", wireRequest(r))).join(""));
      if (rows.length < PAGE || this.sse.isClosed) break;
      const last = rows[rows.length - 1];
      cursor = { afterUpdatedAt: last.updatedAt, afterId: last.id };
      await this.sse.drained();
      await yieldToLoop();
    }
    // The whole snapshot is one row of the log. Rows changed while it was paged are replayed by
    // the catch-up from `seq` (read before the first page), so the client converges.
    await log.append(op, performance.now() - start, total);
    this.sse.send("ready", { seq: this.seq }, this.seq);
  }
}

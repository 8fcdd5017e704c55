/**
 * One change-feed reader per workspace per process: after each commit (coalesced per turn of the
 * event loop) one read of change_log past the feed's seq, rendered once and offered to every
 * subscriber. Writes by other processes on the same file are noticed by one `PRAGMA data_version`
 * check per process on a timer, not one poll per client.
 */
import * as q from "../../generated/index.js";
import { measured } from "../data-layer/metrics.js";
import type { SseStream } from "./sse.js";
import { PAGE, Subscriber, type FeedContext, type FeedPosition } from "./subscriber.js";
import { hex, renderChanges } from "./wire.js";

class WorkspaceFeed implements FeedPosition {
  readonly subscribers = new Set<Subscriber>();
  private scheduled = false;

  constructor(
    private readonly ctx: FeedContext,
    readonly workspaceId: Uint8Array,
    /** The newest seq read and offered to the subscribers. */
    public seq: number,
  ) {}

  /** Reads the feed at the end of this turn of the event loop: commits in one turn share one read. */
  schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      try {
        this.pull();
      } catch {
        // The database failed (or was closed): end every stream; clients resume by Last-Event-ID.
        for (const s of this.subscribers) s.sse.drop("the change feed could not be read; reconnect with Last-Event-ID");
      }
    });
  }

  private pull(): void {
    if (this.subscribers.size === 0 || this.ctx.stopped()) return;
    const { db, log } = this.ctx;
    const rows = measured(log, { workspaceId: this.workspaceId, type: "query", table: "change_log" }, () =>
      q.streamWorkspaceChanges(db, { workspaceId: this.workspaceId, afterSeq: this.seq, batchSize: PAGE }), (r) => r.length, (n) => n > 0);
    if (rows.length === 0) return;
    const from = this.seq;
    this.seq = rows[rows.length - 1].seq;
    // Encoded once: every client's socket gets the same bytes.
    const text = Buffer.from(renderChanges(rows));
    for (const s of this.subscribers) s.offer(from, this.seq, text);
    // More may be waiting: read on in the next turn, letting requests in between.
    if (rows.length === PAGE) this.schedule();
  }
}

export class FanOut {
  private readonly feeds = new Map<string, WorkspaceFeed>();
  private dataVersion: number;
  private readonly timer: NodeJS.Timeout;
  private readonly dataVersionStatement: q.Statement;

  constructor(
    private readonly ctx: FeedContext,
    externalCheckMs: number,
  ) {
    this.dataVersionStatement = ctx.db.prepare("PRAGMA data_version").raw();
    this.dataVersion = this.readDataVersion();
    this.timer = setInterval(() => this.checkOtherProcesses(), externalCheckMs).unref();
  }

  /** Called after a commit made through this process. */
  committed(workspaceId: Uint8Array): void {
    this.feeds.get(hex(workspaceId))?.schedule();
  }

  /** Streams a workspace to `sse`: a snapshot first unless resuming after `resumeAfter`. */
  async subscribe(sse: SseStream, workspaceId: Uint8Array, resumeAfter: number | null): Promise<void> {
    const latest = q.latestChangeSeq(this.ctx.db, { workspaceId })!.seq;
    const key = hex(workspaceId);
    let feed = this.feeds.get(key);
    if (feed === undefined) this.feeds.set(key, (feed = new WorkspaceFeed(this.ctx, workspaceId, latest)));
    const subscriber = new Subscriber(this.ctx, feed, sse, resumeAfter ?? latest);
    feed.subscribers.add(subscriber);
    sse.onClose(() => {
      feed.subscribers.delete(subscriber);
      if (feed.subscribers.size === 0 && this.feeds.get(key) === feed) this.feeds.delete(key);
    });
    await subscriber.start(resumeAfter === null);
  }

  stats(): { workspaces: number; live: number; catchingUp: number } {
    const subscribers = [...this.feeds.values()].flatMap((f) => [...f.subscribers]);
    const live = subscribers.filter((s) => s.isLive).length;
    return { workspaces: this.feeds.size, live, catchingUp: subscribers.length - live };
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** data_version changes when another connection commits; this connection's own commits do not change it. */
  private readDataVersion(): number {
    return (this.dataVersionStatement.get() as [number])[0];
  }

  private checkOtherProcesses(): void {
    if (this.feeds.size === 0 || this.ctx.stopped()) return;
    const version = this.readDataVersion();
    if (version === this.dataVersion) return;
    this.dataVersion = version;
    for (const feed of this.feeds.values()) feed.schedule();
  }
}

/**
 * One change-feed reader per workspace per process: after each commit (coalesced per turn of the
 * event loop) one read of change_log past the feed's seq, rendered once and offered to every
 * subscriber, a slice at a time. While commits come back to back, a round that kept the event loop
 * busy is followed by a pause in proportion (FeedContext.fanOutShare), so however many clients
 * watch, the fan-out takes a bounded share of the loop and writes keep theirs: many clients make
 * deliveries larger and later, not writes slower. Writes by other processes on the same database
 * are noticed by one check of the store's external version per process on a timer (PRAGMA
 * data_version on better-sqlite3), not one poll per client.
 */
import { setTimeout as sleep, setImmediate as yieldToLoop } from "node:timers/promises";
import { measured } from "../data-layer/metrics.js";
import type { SseStream } from "./sse.js";
import { PAGE, Subscriber, type FeedContext, type FeedPosition } from "./subscriber.js";
import { hex, renderChanges } from "./wire.js";
import type { WorkspaceId } from "../../generated/models.js";

/** Subscribers written to between two yields to the event loop, so a large fan-out does not hold up requests. */
const SLICE = 64;

class WorkspaceFeed implements FeedPosition {
  readonly subscribers = new Set<Subscriber>();
  /** A commit happened that no read has covered yet. */
  private pending = false;
  /** A read loop is running (reads are in flight on an async driver): one at a time, so offers stay in seq order. */
  private reading = false;
  /** When the next round may start (performance.now() ms): a busy round makes the next one wait. */
  private nextRoundAt = 0;

  constructor(
    private readonly ctx: FeedContext,
    readonly workspaceId: WorkspaceId,
    /** The newest seq read and offered to the subscribers. */
    public seq: number,
  ) {}

  /**
   * Reads the feed soon: at the end of this turn of the event loop, or when the last round's pause
   * is over. Commits until then share one read. A commit while a read is in flight makes the
   * running loop read once more.
   */
  schedule(): void {
    this.pending = true;
    if (this.reading) return;
    this.reading = true;
    void this.pause().then(() => this.readWhilePending());
  }

  /** Waits out the pause the last round earned, or to the end of this turn of the event loop. */
  private pause(): Promise<unknown> {
    const wait = this.nextRoundAt - performance.now();
    return wait > 0 ? sleep(wait) : yieldToLoop();
  }

  private async readWhilePending(): Promise<void> {
    try {
      while (this.pending) {
        this.pending = false;
        const busyMs = await this.pull();
        this.nextRoundAt = performance.now() + (busyMs * (1 - this.ctx.fanOutShare)) / this.ctx.fanOutShare;
        // Let requests in between rounds.
        if (this.pending) await this.pause();
      }
    } catch {
      // The database failed (or was closed): end every stream; clients resume by Last-Event-ID.
      for (const s of this.subscribers) s.sse.drop("the change feed could not be read; reconnect with Last-Event-ID");
    } finally {
      this.reading = false;
    }
  }

  /**
   * One round: one read of change_log, offered to every subscriber. Returns the CPU time the
   * offers took in ms: the part that grows with the clients (the read does not), counted in CPU
   * time, not wall time, which on a busy machine would count other processes' turns as the round's.
   */
  private async pull(): Promise<number> {
    if (this.subscribers.size === 0 || this.ctx.stopped()) return 0;
    const { store, log } = this.ctx;
    const rows = await measured(log, { workspaceId: this.workspaceId, type: "query", table: "change_log" }, () =>
      store.streamWorkspaceChanges({ workspaceId: this.workspaceId, afterSeq: this.seq, batchSize: PAGE }), (r) => r.length, (n) => n > 0);
    if (rows.length === 0) return 0;
    const from = this.seq;
    this.seq = rows[rows.length - 1].seq;
    // More may be waiting: read on after this round.
    if (rows.length === PAGE) this.pending = true;
    let busyMs = 0;
    let start = process.cpuUsage();
    // Encoded once: every client's socket gets the same bytes.
    const text = Buffer.from(renderChanges(rows));
    const subscribers = [...this.subscribers];
    for (let i = 0; i < subscribers.length; i += SLICE) {
      if (i > 0) {
        busyMs += cpuMsSince(start);
        await yieldToLoop();
        start = process.cpuUsage();
      }
      for (const s of subscribers.slice(i, i + SLICE)) s.offer(from, this.seq, text);
    }
    return busyMs + cpuMsSince(start);
  }
}

/** CPU time (user + system) of this process since `start`, in ms. */
function cpuMsSince(start: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
}

export class FanOut {
  private readonly feeds = new Map<string, WorkspaceFeed>();
  /** The store's external version at the last check; null before the first. */
  private externalVersion: number | null = null;
  private checking = false;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly ctx: FeedContext,
    externalCheckMs: number,
  ) {
    this.timer = setInterval(() => void this.checkOtherProcesses(), externalCheckMs).unref();
  }

  /** Called after a commit made through this process. */
  committed(workspaceId: WorkspaceId): void {
    this.feeds.get(hex(workspaceId))?.schedule();
  }

  /**
   * Streams a workspace to the stream `open` starts: a snapshot first unless resuming after
   * `resumeAfter`. The feed's position is read before the stream's headers go out: a client that
   * has them is subscribed, so any write it makes or waits for from then on reaches it.
   */
  async subscribe(open: () => SseStream, workspaceId: WorkspaceId, resumeAfter: number | null): Promise<void> {
    const latest = await this.ctx.store.latestChangeSeq({ workspaceId });
    const sse = open();
    // The client left while the read was in flight.
    if (sse.isClosed) return;
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

  /** One check per process however many feeds: when another connection has committed, every feed reads. */
  private async checkOtherProcesses(): Promise<void> {
    if (this.feeds.size === 0 || this.ctx.stopped() || this.checking) return;
    this.checking = true;
    try {
      const version = await this.ctx.store.externalVersion();
      if (version === this.externalVersion) return;
      this.externalVersion = version;
      for (const feed of this.feeds.values()) feed.schedule();
    } catch {
      // The database is closing or failed: the feeds' own reads report it to their clients.
    } finally {
      this.checking = false;
    }
  }
}

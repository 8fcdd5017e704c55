/** A minimal SSE client over node:http, keeping a workspace's requests as the server streams them. */
import { request } from "node:http";
import type { WireChange, WireRequest } from "./wire.js";

export class StreamClient {
  readonly state = new Map<string, WireRequest>();
  /** Every change seq received, in arrival order. */
  readonly seqs: number[] = [];
  lastSeq = 0;
  private abort = new AbortController();
  private waiters: (() => void)[] = [];

  constructor(
    private readonly url: string,
    /** Hears each change as it is applied (a benchmark times deliveries with it). */
    private readonly onChange: (change: WireChange) => void = () => {},
  ) {}

  /** Connects (resuming after `lastEventId` when given) and resolves once the stream is open. */
  connect(lastEventId?: number): Promise<void> {
    this.abort = new AbortController();
    return new Promise((resolve, reject) => {
      const req = request(this.url, { signal: this.abort.signal, headers: lastEventId === undefined ? {} : { "last-event-id": String(lastEventId) } }, (res) => {
        res.setEncoding("utf8");
        let buffer = "";
        res.on("data", (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            this.dispatch(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
          }
        });
        res.on("error", () => {});
        resolve();
      });
      req.on("error", (e) => (e.name === "AbortError" ? undefined : reject(e)));
      req.end();
    });
  }

  close(): void {
    this.abort.abort();
  }

  /** Resolves once a change with seq ≥ `seq` has been applied. */
  async caughtUp(seq: number, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.lastSeq < seq) {
      if (Date.now() > deadline) throw new Error(`client stuck at seq ${this.lastSeq}, wanted ${seq}`);
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 50);
      });
    }
  }

  private dispatch(block: string): void {
    const fields = new Map<string, string>();
    for (const line of block.split("\n")) {
      const colon = line.indexOf(":");
      if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart());
    }
    const data = JSON.parse(fields.get("data") ?? "null");
    switch (fields.get("event")) {
      case "snapshot":
        this.state.set((data as WireRequest).id, data as WireRequest);
        break;
      case "ready":
        this.lastSeq = (data as { seq: number }).seq;
        break;
      case "change": {
        const change = data as WireChange;
        this.seqs.push(change.seq);
        this.lastSeq = change.seq;
        this.onChange(change);
        if (change.table !== "http") break;
        if (change.request === null) this.state.delete(change.id);
        else this.state.set(change.id, change.request);
        break;
      }
    }
    this.waiters.splice(0).forEach((w) => w());
  }
}

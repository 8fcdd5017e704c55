/**
 * Server-Sent Events on a node:http response, with a bounded send buffer: what the client has not
 * taken stays in memory only up to `maxBufferedBytes`; past it the client is dropped, so a client
 * that never reads costs a bounded amount of memory (the limit plus the event being written).
 *
 * The body is not chunked: it runs until the connection closes (no Transfer-Encoding, `Connection:
 * close`), so after the headers the events go to the socket as they are. A fan-out then writes the
 * one Buffer it rendered to every client's socket: one write each, no framing or copy per client.
 */
import type { ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { HttpError } from "./http-errors.js";

const DROP_GRACE_MS = 1000;

export class SseStream {
  private closed = false;
  private stalledBeats = 0;
  /** Writes the socket has finished (handed to the kernel): progress means the client is reading. */
  private flushed = 0;
  private flushedAtBeat = 0;
  private readonly onFlushed = () => void this.flushed++;
  /** Why the server ended the stream, if it did. */
  droppedBecause: string | null = null;

  private readonly socket: Socket | null;

  constructor(
    private readonly res: ServerResponse,
    private readonly maxBufferedBytes: number,
  ) {
    this.socket = res.socket;
    // The client may be gone already (its close event has passed): nothing to send.
    if (res.destroyed) {
      this.closed = true;
      return;
    }
    // A request pipelined behind an unfinished response gets its socket only once that response ends:
    // events written before then would have nowhere to go. (Its 400 waits for that end too.)
    if (this.socket === null) throw new HttpError(400, "a stream cannot be pipelined behind another request on its connection");
    res.removeHeader("transfer-encoding");
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "close", "x-accel-buffering": "no" });
    // Headers go out now, not with the first event: a client already up to date knows it is connected.
    res.flushHeaders();
    res.on("close", () => (this.closed = true));
  }

  get isClosed(): boolean {
    return this.closed;
  }

  onClose(listener: () => void): void {
    this.res.on("close", listener);
  }

  /** Bytes written and not yet taken by the client. */
  get buffered(): number {
    return this.socket?.writableLength ?? 0;
  }

  /** Sends one event; `id` lets a client resume with Last-Event-ID after a reconnect. */
  send(event: string, data: unknown, id?: number): void {
    this.write(renderEvent(event, data, id));
  }

  /** Writes pre-rendered events (rendered once for every client of a fan-out). */
  write(text: string | Buffer): void {
    if (this.closed) return;
    if (this.buffered > this.maxBufferedBytes) return this.drop("the client is not reading its stream");
    this.socket!.write(text, this.onFlushed);
  }

  /**
   * A heartbeat comment keeps proxies from closing an idle stream. A client that has unread data
   * and took none of it over two beats is not reading and is dropped.
   */
  beat(): void {
    if (this.closed) return;
    const stalled = this.buffered > 0 && this.flushed === this.flushedAtBeat;
    this.stalledBeats = stalled ? this.stalledBeats + 1 : 0;
    this.flushedAtBeat = this.flushed;
    if (this.stalledBeats >= 2) return this.drop("the client stopped reading");
    this.socket!.write(": heartbeat\n\n", this.onFlushed);
  }

  /** Ends the stream with a reason the client can read (if it reads), then cuts the connection. */
  drop(reason: string): void {
    if (this.closed) return;
    this.droppedBecause = reason;
    this.closed = true;
    this.res.end(`event: dropped\ndata: ${JSON.stringify({ reason })}\n\n`);
    // A client that does not read would hold the socket and its buffer: give it a moment, no more.
    const cut = setTimeout(() => this.res.destroy(), DROP_GRACE_MS).unref();
    this.res.once("close", () => clearTimeout(cut));
  }

  /** Waits until the client has taken what was written, so slow clients slow only themselves. */
  async drained(): Promise<void> {
    const socket = this.socket;
    if (this.closed || socket === null || !socket.writableNeedDrain) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        socket.off("drain", done);
        this.res.off("close", done);
        resolve();
      };
      socket.on("drain", done);
      this.res.on("close", done);
    });
  }
}

/** One event in SSE form; `id` lets a client resume with Last-Event-ID after a reconnect. */
export function renderEvent(event: string, data: unknown, id?: number): string {
  return `${id === undefined ? "" : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** One timer for every stream of the process (not one per client); counts the streams open and dropped. */
export class Heartbeat {
  private readonly streams = new Set<SseStream>();
  private readonly timer: NodeJS.Timeout;
  /** Streams the server ended because their client did not keep up, and the last reason. */
  dropped = 0;
  lastDropReason: string | null = null;

  constructor(intervalMs: number) {
    this.timer = setInterval(() => this.streams.forEach((s) => s.beat()), intervalMs).unref();
  }

  add(stream: SseStream): void {
    // A stream closed before it started never fires its close event: it would be held here for ever.
    if (stream.isClosed) return;
    this.streams.add(stream);
    stream.onClose(() => {
      this.streams.delete(stream);
      if (stream.droppedBecause === null) return;
      this.dropped++;
      this.lastDropReason = stream.droppedBecause;
    });
  }

  get size(): number {
    return this.streams.size;
  }

  /** Bytes written to all streams and not yet taken by their clients: the memory clients hold. */
  get bufferedBytes(): number {
    let total = 0;
    for (const s of this.streams) total += s.buffered;
    return total;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

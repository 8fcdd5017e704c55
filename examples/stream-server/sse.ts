/** Server-Sent Events on a node:http response. */
import type { ServerResponse } from "node:http";

export class SseStream {
  private closed = false;

  constructor(private readonly res: ServerResponse) {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
    res.on("close", () => (this.closed = true));
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Sends one event; `id` lets a client resume with Last-Event-ID after a reconnect. */
  send(event: string, data: unknown, id?: number): void {
    if (this.closed) return;
    this.res.write(`${id === undefined ? "" : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** Waits until the client has taken what was written, so slow clients slow only themselves. */
  async drained(): Promise<void> {
    if (this.closed || !this.res.writableNeedDrain) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        this.res.off("drain", done);
        this.res.off("close", done);
        resolve();
      };
      this.res.on("drain", done);
      this.res.on("close", done);
    });
  }
}

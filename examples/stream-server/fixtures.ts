/** Test helpers: a stream server on 127.0.0.1 over a temporary database, and raw HTTP calls to it. */
import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createStreamServer, type StreamServer, type StreamServerOptions } from "./server.js";

export interface TestServer {
  readonly app: StreamServer;
  readonly base: string;
  readonly port: number;
  readonly dbPath: string;
}

export async function startServer(options: StreamServerOptions = {}, dbPath = join(mkdtempSync(join(tmpdir(), "sqlgen-stream-")), "app.db")): Promise<TestServer> {
  const app = createStreamServer(dbPath, options);
  await new Promise<void>((resolve) => app.server.listen(0, "127.0.0.1", resolve));
  const port = (app.server.address() as AddressInfo).port;
  return { app, base: `http://127.0.0.1:${port}`, port, dbPath };
}

export interface Reply<T> {
  readonly status: number;
  readonly body: T;
}

/** A JSON call; `body` is sent as application/json unless `headers` say otherwise. */
export async function call<T = unknown>(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
  const res = await fetch(base + path, {
    method,
    headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/**
 * Sends `request` bytes as they are on a plain TCP socket and resolves with everything the server
 * sent back once it closes the connection (the status of a malformed request, or of a timeout).
 */
export function raw(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(request));
    let received = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (received += chunk));
    socket.on("error", reject);
    socket.on("close", () => resolve(received));
  });
}

/** The status code of the first response in `reply`, or 0 when the server sent nothing. */
export const statusOf = (reply: string): number => Number(/^HTTP\/1\.1 (\d{3})/.exec(reply)?.[1] ?? 0);

/** A client that sends `request` and then never reads: its socket stays paused until destroyed. */
export function stalled(port: number, request: string): Promise<Socket> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1", () => {
      socket.pause();
      socket.write(request, () => resolve(socket));
    });
    socket.on("error", () => {});
  });
}

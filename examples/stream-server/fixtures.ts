/**
 * Test helpers: a stream server on 127.0.0.1 over a temporary database on either driver, raw HTTP
 * calls to it, and the database's truth read on a connection of its own.
 */
import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DriverName } from "../data-layer/store.js";
import { call } from "./api-client.js";
import { onOwnConnection } from "./database-state.js";
import { createStreamServer, type StreamServer, type StreamServerOptions } from "./server.js";
import type { StreamCounts } from "./metrics-view.js";
import { unhex } from "./wire.js";

export { call, runWriter, type Reply } from "./api-client.js";
export { onOwnConnection, readDatabaseState } from "./database-state.js";

/** Every test of the server runs on each driver. */
export const drivers: readonly DriverName[] = ["better-sqlite3", "@libsql/client"];

/** A new database file in a temporary folder, named as the server takes it: a path, or a `file:` URL for libSQL. */
export function tempDatabase(driver: DriverName): string {
  const path = join(mkdtempSync(join(tmpdir(), "sqlgen-stream-")), "app.db");
  switch (driver) {
    case "better-sqlite3":
      return path;
    case "@libsql/client":
      return `file:${path}`;
  }
}

export interface TestServer {
  readonly app: StreamServer;
  readonly base: string;
  readonly port: number;
  /** The server's DB: a path or a libSQL URL. */
  readonly db: string;
}

export async function startServer(driver: DriverName, options: StreamServerOptions = {}): Promise<TestServer> {
  const db = tempDatabase(driver);
  const app = await createStreamServer(db, options);
  await new Promise<void>((resolve) => app.server.listen(0, "127.0.0.1", resolve));
  const port = (app.server.address() as AddressInfo).port;
  return { app, base: `http://127.0.0.1:${port}`, port, db };
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

/** Waits until the stream counts of /metrics pass `test` (the test's own timeout bounds the wait). */
export async function streams(base: string, test: (s: StreamCounts) => boolean): Promise<void> {
  for (;;) {
    const res = await call<{ streams: StreamCounts }>(base, "GET", "/metrics");
    if (test(res.body.streams)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Every seq of the workspace's feed after `after`, from the database. */
export function seqsAfter(db: string, workspace: string, after: number): Promise<number[]> {
  return onOwnConnection(db, async (store) =>
    (await store.streamWorkspaceChanges({ workspaceId: unhex(workspace), afterSeq: after, batchSize: 1_000_000 })).map((c) => c.seq));
}

/**
 * Creates `n` requests with a URL of `urlBytes` bytes on a connection of its own, in one statement
 * (one commit, as a bulk import by another process would be): megabytes when asked, more than the
 * socket buffers between server and client hold.
 */
export function insertRequests(db: string, workspace: string, n: number, urlBytes: number): Promise<void> {
  return onOwnConnection(db, (store) => Promise.resolve(store.exec(`
    WITH RECURSIVE i(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM i WHERE n + 1 < ${n})
    INSERT INTO http (id, workspace_id, folder_id, name, url, method, description)
    SELECT randomblob(16), x'${workspace}', NULL, 'r' || n, replace(hex(zeroblob(${urlBytes / 2})), '0', 'u'), 'GET', '' FROM i ORDER BY n`)));
}

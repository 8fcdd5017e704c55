/**
 * Test helpers: a stream server on 127.0.0.1 over a temporary database on either driver, raw HTTP
 * calls to it, and the database's truth read on a connection of its own.
 */
import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { openStore } from "../data-layer/open-store.js";
import type { DriverName, Store } from "../data-layer/store.js";
import { createStreamServer, type StreamServer, type StreamServerOptions } from "./server.js";
import { hex, unhex, type WireRequest } from "./wire.js";

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

export interface StreamCounts {
  readonly clients: number;
  readonly bufferedBytes: number;
  readonly dropped: number;
  readonly lastDropReason: string | null;
  readonly live: number;
  readonly catchingUp: number;
}

/** Waits until the stream counts of /metrics pass `test` (the test's own timeout bounds the wait). */
export async function streams(base: string, test: (s: StreamCounts) => boolean): Promise<void> {
  for (;;) {
    const res = await call<{ streams: StreamCounts }>(base, "GET", "/metrics");
    if (test(res.body.streams)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Runs `fn` on a connection of its own to `db` (as another process would have), with the server's driver. */
export async function onOwnConnection<T>(db: string, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(db, { migrate: false });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** The database's truth, read on a separate connection. */
export function readDatabaseState(db: string, workspace: string): Promise<{ rows: Map<string, WireRequest>; latest: number }> {
  return onOwnConnection(db, async (store) => {
    const rows = await store.getHTTPWorkspaceSnapshotStreaming({ workspaceId: unhex(workspace), afterUpdatedAt: -1, afterId: new Uint8Array(0), pageSize: 100_000 });
    const latest = (await store.latestChangeSeq({ workspaceId: unhex(workspace) }))!.seq;
    return { rows: new Map(rows.map((r) => [hex(r.id), { id: hex(r.id), name: r.name, url: r.url, method: r.method, version: r.version }])), latest };
  });
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

/** A writer doing a bounded, seeded mix of creates, updates (with version checks) and deletes. */
export async function runWriter(base: string, workspace: string, seed: number, ops: number): Promise<void> {
  let x = seed;
  const random = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const mine: WireRequest[] = [];
  const path = `/workspaces/${workspace}/http`;
  for (let i = 0; i < ops; i++) {
    const r = random();
    if (mine.length === 0 || r < 0.45) {
      const created = await call<WireRequest>(base, "POST", path, { name: `w${seed}-${i}`, url: `https://x/${i}` });
      expect(created.status).toBe(201);
      mine.push(created.body);
    } else if (r < 0.8) {
      const target = mine[Math.floor(random() * mine.length)];
      const res = await call(base, "PATCH", `${path}/${target.id}`, { name: `${target.name}*`, url: target.url, method: "POST", version: target.version });
      expect(res.status).toBe(200);
      Object.assign(target, { name: `${target.name}*`, method: "POST", version: target.version + 1 });
    } else {
      const [target] = mine.splice(Math.floor(random() * mine.length), 1);
      expect((await call(base, "DELETE", `${path}/${target.id}`)).status).toBe(204);
    }
  }
}

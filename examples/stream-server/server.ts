/**
 * A small HTTP server (node:http, no framework) over the generated data layer: workspaces' saved
 * requests streamed over Server-Sent Events, endpoints to create, update and delete them, /metrics.
 */
import { randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import * as q from "../../generated/index.js";
import { openStreamingDatabase } from "../data-layer/connection.js";
import { measured, StreamingMetrics } from "../data-layer/metrics.js";
import { SseStream } from "./sse.js";
import { streamWorkspace } from "./stream.js";
import { hex, unhex, wireRequest } from "./wire.js";

export interface StreamServer {
  readonly server: Server;
  readonly metrics: StreamingMetrics;
  close(): Promise<void>;
}

const POLL_MS = 250;

export function createStreamServer(dbPath: string): StreamServer {
  const { db, close } = openStreamingDatabase(dbPath);
  const metrics = new StreamingMetrics();
  const writes = new EventEmitter().setMaxListeners(0);
  const nextChange = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, POLL_MS);
      function done() {
        clearTimeout(timer);
        writes.off("write", done);
        resolve();
      }
      writes.on("write", done);
    });

  const routes: [string, RegExp, (req: IncomingMessage, res: ServerResponse, m: RegExpExecArray) => Promise<void> | void][] = [
    ["POST", /^\/workspaces$/, async (req, res) => {
      const body = await json<{ name: string }>(req);
      const id = randomBytes(16);
      q.createWorkspace(db, { id, name: body.name });
      send(res, 201, { id: hex(id), name: body.name });
    }],
    ["GET", /^\/workspaces\/([0-9a-f]+)\/stream$/, async (req, res, m) => {
      const resume = req.headers["last-event-id"];
      await streamWorkspace({ db, metrics, nextChange }, new SseStream(res), unhex(m[1]), resume === undefined ? null : Number(resume));
    }],
    ["POST", /^\/workspaces\/([0-9a-f]+)\/http$/, async (req, res, m) => {
      const body = await json<{ name: string; url?: string; method?: string }>(req);
      const workspaceId = unhex(m[1]);
      const row = write(workspaceId, () =>
        q.createHTTP(db, { id: randomBytes(16), workspaceId, folderId: null, name: body.name, url: body.url ?? "", method: body.method ?? "GET", description: "" }));
      send(res, 201, wireRequest(row!));
    }],
    ["PATCH", /^\/workspaces\/([0-9a-f]+)\/http\/([0-9a-f]+)$/, async (req, res, m) => {
      const body = await json<{ name: string; url: string; method: string; version: number }>(req);
      const changed = write(unhex(m[1]), () =>
        q.updateHTTP(db, { id: unhex(m[2]), workspaceId: unhex(m[1]), name: body.name, url: body.url, method: body.method, description: "", version: body.version }));
      send(res, changed === 1 ? 200 : 409, { updated: changed === 1 });
    }],
    ["DELETE", /^\/workspaces\/([0-9a-f]+)\/http\/([0-9a-f]+)$/, (_req, res, m) => {
      const deleted = write(unhex(m[1]), () => q.deleteHTTP(db, { id: unhex(m[2]), workspaceId: unhex(m[1]) }));
      send(res, deleted === 1 ? 204 : 404, null);
    }],
    ["GET", /^\/metrics$/, (_req, res) => {
      const performance = q.listWorkspaces(db).map((w) => ({ workspace: hex(w.id), operations: q.summarizeStreamingPerformance(db, { workspaceId: w.id, timestamp: 0 }) }));
      send(res, 200, { counters: metrics.snapshot(), performance });
    }],
  ];

  function write<T>(workspaceId: Uint8Array, fn: () => T): T {
    const result = measured(db, metrics, { workspaceId, type: "update", table: "http" }, fn, () => 1);
    writes.emit("write");
    return result;
  }

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const route = routes.find(([method, pattern]) => method === req.method && pattern.test(path));
    if (route === undefined) return send(res, 404, { error: "not found" });
    Promise.resolve(route[2](req, res, route[1].exec(path)!)).catch((e: unknown) => {
      if (!res.headersSent) send(res, e instanceof SyntaxError ? 400 : 500, { error: String(e) });
      else res.end();
    });
  });

  return {
    server,
    metrics,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          close();
          resolve();
        });
      }),
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (body === null) {
    res.writeHead(status).end();
    return;
  }
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

async function json<T>(req: IncomingMessage): Promise<T> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8")) as T;
}

/**
 * A small HTTP server (node:http, no framework) over the generated data layer: workspaces' saved
 * requests streamed over Server-Sent Events, endpoints to create, update and delete them, /metrics.
 * It runs on better-sqlite3 or @libsql/client, as the database it is given names (open-store.ts).
 * No request can take it down: every failure is answered (see http-errors.ts), bodies and headers
 * are bounded in size and time.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { openStore } from "../data-layer/open-store.js";
import { PerformanceLog, StreamingMetrics, type RetentionOptions } from "../data-layer/metrics.js";
import { bearerCheck } from "./auth.js";
import { FanOut } from "./fanout.js";
import { answerError, HttpError } from "./http-errors.js";
import { routes, type Route } from "./routes.js";
import { Heartbeat, SseStream } from "./sse.js";

export interface StreamServerOptions {
  /** The auth token of a remote libSQL database (`libsql://…`, `https://…`). */
  readonly dbAuthToken?: string;
  /** When set, every route requires `Authorization: Bearer <token>`. */
  readonly token?: string;
  /** Largest accepted request body, in bytes (413 past it). */
  readonly maxBodyBytes?: number;
  /** Time a client has to send its request headers. */
  readonly headersTimeoutMs?: number;
  /** Time a client has to send its whole request, body included (a body announced and never sent is cut off). */
  readonly requestTimeoutMs?: number;
  /** Interval of the heartbeat comment on every stream. */
  readonly heartbeatMs?: number;
  /** Bytes a stream may hold for a client that has not read them; past it the client is dropped. */
  readonly maxBufferedBytes?: number;
  /** Changes a client may fall behind its workspace's feed before it is dropped (it can resume). */
  readonly maxLag?: number;
  /** The share of the event loop a workspace's fan-out may take while commits come back to back (see fanout.ts). */
  readonly fanOutShare?: number;
  /** How often the process checks for commits by other processes on the same database file. */
  readonly externalCheckMs?: number;
  readonly retention?: RetentionOptions;
}

export interface StreamServer {
  readonly server: Server;
  readonly metrics: StreamingMetrics;
  close(): Promise<void>;
}

/**
 * `db` is a SQLite file path (or `:memory:`) for better-sqlite3, or a libSQL URL (`file:…`,
 * `libsql://…`, `http(s)://…`) for @libsql/client; an empty database gets schema/*.sql.
 */
export async function createStreamServer(db: string, options: StreamServerOptions = {}): Promise<StreamServer> {
  const store = await openStore(db, { authToken: options.dbAuthToken });
  const log = new PerformanceLog(store, new StreamingMetrics(), options.retention);
  const heartbeat = new Heartbeat(options.heartbeatMs ?? 15_000);
  const maxBufferedBytes = options.maxBufferedBytes ?? 1 << 20;
  let closing = false;
  const fanOut = new FanOut({ store, log, queueBytes: maxBufferedBytes / 4, maxLag: options.maxLag ?? 10_000, fanOutShare: options.fanOutShare ?? 0.05, stopped: () => closing }, options.externalCheckMs ?? 100);

  const table = routes({
    store,
    log,
    maxBodyBytes: options.maxBodyBytes ?? 64 * 1024,
    stream: (res, workspaceId, resumeAfter) => {
      const open = () => {
        const sse = new SseStream(res, maxBufferedBytes);
        heartbeat.add(sse);
        return sse;
      };
      return fanOut.subscribe(open, workspaceId, resumeAfter);
    },
    committed: (workspaceId) => fanOut.committed(workspaceId),
    streams: () => ({ clients: heartbeat.size, bufferedBytes: heartbeat.bufferedBytes, dropped: heartbeat.dropped, lastDropReason: heartbeat.lastDropReason, ...fanOut.stats() }),
  });
  const authorize = bearerCheck(options.token);

  const headersTimeout = options.headersTimeoutMs ?? 10_000;
  const requestTimeout = Math.max(options.requestTimeoutMs ?? 30_000, headersTimeout);
  const server = createServer({ headersTimeout, requestTimeout, connectionsCheckingInterval: Math.min(1000, headersTimeout / 4) }, (req, res) => {
    dispatch(table, authorize, req, res).catch((e: unknown) => answerError(res, e));
  });

  return {
    server,
    metrics: log.metrics,
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        heartbeat.stop();
        fanOut.stop();
        server.closeAllConnections();
        server.close(() => void Promise.resolve(store.close()).finally(resolve));
      }),
  };
}

async function dispatch(table: readonly Route[], authorize: (req: IncomingMessage) => void, req: IncomingMessage, res: ServerResponse): Promise<void> {
  authorize(req);
  const path = pathOf(req.url ?? "/");
  const matching = table.filter((r) => r.pattern.test(path));
  if (matching.length === 0) throw new HttpError(404, "no such path");
  const route = matching.find((r) => r.method === req.method);
  if (route === undefined) throw new HttpError(405, `use ${matching.map((r) => r.method).join(" or ")}`, "method", { allow: matching.map((r) => r.method).join(", ") });
  await route.handle(req, res, (route.pattern.exec(path) ?? []).slice(1));
}

/** The path of a request target; malformed targets (`http://`, `http://[::1`, bad ports or escapes) are a 400. */
function pathOf(target: string): string {
  try {
    return decodeURI(new URL(target, "http://localhost").pathname);
  } catch {
    throw new HttpError(400, "malformed request target", "url");
  }
}

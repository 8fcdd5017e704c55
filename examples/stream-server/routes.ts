/**
 * The server's routes: each validates its input (ids, body fields, headers) before it touches the
 * database, so client mistakes are answered 400/404/409/413/415 with the field named, never 500.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { DURATION_BUCKETS_MS, measured, type PerformanceLog } from "../data-layer/metrics.js";
import type { Awaitable, Store } from "../data-layer/store.js";
import { readJsonBody } from "./body.js";
import { DASHBOARD_CSP, DASHBOARD_HTML } from "./dashboard.js";
import { integer, lastEventId, method, requestIdOf, text, workspaceIdOf } from "./fields.js";
import { HttpError, send } from "./http-errors.js";
import { PROMETHEUS_CONTENT_TYPE, renderPrometheus, wantsPrometheus, type MetricsView, type StreamCounts } from "./metrics-view.js";
import { hex, wireRequest } from "./wire.js";
import type { WorkspaceId } from "../../generated/models.js";
import { asHttpId, asWorkspaceId } from "../data-layer/ids.js";

export interface RouteContext {
  readonly store: Store;
  readonly log: PerformanceLog;
  readonly maxBodyBytes: number;
  /** Streams a workspace to `res` from after `resumeAfter` (a snapshot first when null). */
  stream(res: ServerResponse, workspaceId: WorkspaceId, resumeAfter: number | null): Promise<void>;
  /** Called after each commit to a workspace, so its streams deliver the change. */
  committed(workspaceId: WorkspaceId): void;
  /** Counts of the live streams, for /metrics. */
  streams(): StreamCounts;
}

export interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly handle: (req: IncomingMessage, res: ServerResponse, segments: readonly string[]) => Promise<void> | void;
}

export function routes(ctx: RouteContext): readonly Route[] {
  const { store } = ctx;
  const body = (req: IncomingMessage) => readJsonBody(req, ctx.maxBodyBytes);
  const workspace = async (segment: string): Promise<WorkspaceId> => {
    const workspaceId = workspaceIdOf(segment);
    if ((await store.getWorkspace({ id: workspaceId })) === undefined) throw new HttpError(404, "no such workspace", "workspace id");
    return workspaceId;
  };
  const write = async <T>(workspaceId: WorkspaceId, fn: () => Awaitable<T>): Promise<T> => {
    const result = await measured(ctx.log, { workspaceId, type: "update", table: "http" }, fn, (r) => (typeof r === "number" ? r : 1));
    ctx.committed(workspaceId);
    return result;
  };

  return [
    { method: "POST", pattern: /^\/workspaces$/, handle: async (req, res) => {
      const name = text(await body(req), "name");
      const workspaceId = asWorkspaceId(randomBytes(16));
      await store.createWorkspace({ id: workspaceId, name });
      send(res, 201, { id: hex(workspaceId), name });
    } },
    { method: "GET", pattern: /^\/workspaces\/([^/]+)\/stream$/, handle: async (req, res, [w]) => {
      const resumeAfter = lastEventId(req.headers["last-event-id"]);
      const workspaceId = await workspace(w);
      // Checked before the stream's headers go out: a seq this feed never had would never be caught up to.
      if (resumeAfter !== null && resumeAfter > await store.latestChangeSeq({ workspaceId })) {
        throw new HttpError(400, "Last-Event-ID is past this workspace's newest change", "last-event-id");
      }
      return ctx.stream(res, workspaceId, resumeAfter);
    } },
    { method: "POST", pattern: /^\/workspaces\/([^/]+)\/http$/, handle: async (req, res, [w]) => {
      const workspaceId = await workspace(w);
      const fields = await body(req);
      const row = { name: text(fields, "name"), url: text(fields, "url", ""), method: method(fields, "method", "GET") };
      const created = await write(workspaceId, () => store.createHTTP({ id: asHttpId(randomBytes(16)), workspaceId, folderId: null, description: "", ...row }));
      send(res, 201, wireRequest(created));
    } },
    { method: "PATCH", pattern: /^\/workspaces\/([^/]+)\/http\/([^/]+)$/, handle: async (req, res, [w, r]) => {
      const workspaceId = await workspace(w);
      const requestId = requestIdOf(r);
      const fields = await body(req);
      const version = integer(fields, "version");
      const current = await store.getHTTP({ id: requestId, workspaceId });
      if (current === undefined || current.isDelta) throw new HttpError(404, "no such request in this workspace", "request id");
      const next = { name: text(fields, "name", current.name), url: text(fields, "url", current.url), method: method(fields, "method", current.method) };
      const changed = await write(workspaceId, () => store.updateHTTP({ id: requestId, workspaceId, description: current.description, version, ...next }));
      if (changed === 0) throw new HttpError(409, `the request changed since version ${version}; read it again`, "version");
      send(res, 200, { ...wireRequest({ id: requestId, version: version + 1, ...next }), updated: true });
    } },
    { method: "DELETE", pattern: /^\/workspaces\/([^/]+)\/http\/([^/]+)$/, handle: async (_req, res, [w, r]) => {
      const workspaceId = await workspace(w);
      const requestId = requestIdOf(r);
      const deleted = await write(workspaceId, () => store.deleteHTTP({ id: requestId, workspaceId }));
      if (deleted === 0) throw new HttpError(404, "no such request in this workspace", "request id");
      send(res, 204, null);
    } },
    // Totals over every workspace, summed in SQL; no workspace ids are listed.
    { method: "GET", pattern: /^\/metrics$/, handle: async (req, res) => {
      const view: MetricsView = {
        counters: ctx.log.metrics.snapshot(),
        durationBucketsMs: DURATION_BUCKETS_MS,
        streams: ctx.streams(),
        residentMemoryBytes: process.memoryUsage.rss(),
        uptimeSeconds: process.uptime(),
        performance: await ctx.log.summary(0),
      };
      if (wantsPrometheus(req)) res.writeHead(200, { "content-type": PROMETHEUS_CONTENT_TYPE }).end(renderPrometheus(view));
      else send(res, 200, view);
    } },
    { method: "GET", pattern: /^\/dashboard$/, handle: (_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-security-policy": DASHBOARD_CSP, "cache-control": "no-store" }).end(DASHBOARD_HTML);
    } },
  ];
}

/** What the server sends and accepts: requests as JSON, ids as hex. */
import type { StreamHTTPUpdatesRow, StreamWorkspaceChangesRow } from "../../generated/index.js";

export interface WireRequest {
  id: string;
  name: string;
  url: string;
  method: string;
  version: number;
}

export interface WireChange {
  seq: number;
  op: "insert" | "update" | "delete";
  table: string;
  id: string;
  /** The request as it is now; null once it is deleted (a tombstone) or for child tables. */
  request: WireRequest | null;
}

export const hex = (b: Uint8Array): string => Buffer.from(b).toString("hex");
export const unhex = (s: string): Buffer => Buffer.from(s, "hex");

export function wireRequest(r: Pick<StreamHTTPUpdatesRow, "id" | "name" | "url" | "method" | "version">): WireRequest {
  return { id: hex(r.id), name: r.name, url: r.url, method: r.method, version: r.version };
}

export function wireChange(c: StreamWorkspaceChangesRow): WireChange {
  // The request's columns come from a LEFT JOIN: all NULL when the request is gone, none NULL when it is there.
  const { name, url, method, version } = c;
  const live = c.tableName === "http" && name !== null && url !== null && method !== null && version !== null && c.isDelta === false;
  return {
    seq: c.seq,
    op: c.op as WireChange["op"],
    table: c.tableName,
    id: hex(c.rowId),
    request: live ? { id: hex(c.rowId), name, url, method, version } : null,
  };
}

/** Change events in SSE form, each with its seq as the event id (what Last-Event-ID resumes from). */
export function renderChanges(rows: readonly StreamWorkspaceChangesRow[]): string {
  let text = "";
  for (const c of rows) text += `id: ${c.seq}\nevent: change\ndata: ${JSON.stringify(wireChange(c))}\n\n`;
  return text;
}

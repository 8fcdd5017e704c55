/** Checks of request fields and path segments; each failure is a 400 naming the field. */
import { HttpError } from "./http-errors.js";
import type { JsonObject } from "./body.js";
import type { CreateHTTPParams } from "../../generated/index.js";
import type { HttpId, WorkspaceId } from "../../generated/models.js";
import { asHttpId, asWorkspaceId } from "../data-layer/ids.js";

const MAX_TEXT = 10_000;

/** The methods schema/002_http.sql's CHECK allows (a Record, so a method added there must be added here). */
type Method = CreateHTTPParams["method"];
const methods: Readonly<Record<Method, true>> = { GET: true, POST: true, PUT: true, PATCH: true, DELETE: true, HEAD: true, OPTIONS: true };

/** An HTTP method the schema accepts. */
export function method(body: JsonObject, field: string, fallback?: Method): Method {
  const value = text(body, field, fallback);
  if (!Object.hasOwn(methods, value)) throw new HttpError(400, `"${field}" must be one of ${Object.keys(methods).join(", ")}`, field);
  return value as Method;
}

export function text(body: JsonObject, field: string, fallback?: string): string {
  const value = body[field];
  if (value === undefined && fallback !== undefined) return fallback;
  if (value === undefined) throw new HttpError(400, `"${field}" is required`, field);
  if (typeof value !== "string") throw new HttpError(400, `"${field}" must be a string`, field);
  if (value.length > MAX_TEXT) throw new HttpError(400, `"${field}" is longer than ${MAX_TEXT} characters`, field);
  return value;
}

export function integer(body: JsonObject, field: string): number {
  const value = body[field];
  if (value === undefined) throw new HttpError(400, `"${field}" is required`, field);
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) throw new HttpError(400, `"${field}" must be a non-negative integer`, field);
  return value;
}

const ID = /^[0-9a-f]{32}$/;

/** A 16-byte id as 32 lowercase hex digits; anything else (odd length, upper case) is refused, so ids cannot alias. */
function id(segment: string, field: string): Buffer {
  if (!ID.test(segment)) throw new HttpError(400, `${field} must be 32 lowercase hex digits`, field);
  return Buffer.from(segment, "hex");
}

export const workspaceIdOf = (segment: string): WorkspaceId => asWorkspaceId(id(segment, "workspace id"));
export const requestIdOf = (segment: string): HttpId => asHttpId(id(segment, "request id"));

/** A Last-Event-ID: the decimal seq of the last change the client applied. */
export function lastEventId(header: string | string[] | undefined): number | null {
  if (header === undefined) return null;
  const value = Array.isArray(header) ? header[0] : header;
  const seq = /^\d{1,15}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(seq)) throw new HttpError(400, "Last-Event-ID must be the decimal seq of a change", "last-event-id");
  return seq;
}

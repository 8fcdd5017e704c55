/**
 * Reads a write's JSON body: `Content-Type: application/json` only (a cross-site form cannot send
 * it without a CORS preflight), at most `limit` bytes, valid UTF-8, a JSON object. The time a body
 * may take is bounded by the server's requestTimeout (see server.ts), not here.
 */
import type { IncomingMessage } from "node:http";
import { HttpError } from "./http-errors.js";

export type JsonObject = Readonly<Record<string, unknown>>;

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The connection is closed after a 413: the rest of the body is never read. */
const tooLarge = (limit: number) => new HttpError(413, `the body is larger than ${limit} bytes`, "body", { connection: "close" });

export async function readJsonBody(req: IncomingMessage, limit: number): Promise<JsonObject> {
  const type = (req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json") throw new HttpError(415, "send the body as Content-Type: application/json", "content-type");
  if (Number(req.headers["content-length"] ?? 0) > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk as Buffer);
  }
  let text: string;
  try {
    text = utf8.decode(Buffer.concat(chunks));
  } catch {
    throw new HttpError(400, "the body is not valid UTF-8", "body");
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpError(400, "the body is not valid JSON", "body");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new HttpError(400, "the body must be a JSON object", "body");
  return value as JsonObject;
}

/** The optional bearer token (env TOKEN): every route then requires `Authorization: Bearer <token>`. */
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { HttpError } from "./http-errors.js";

const digest = (s: string) => createHash("sha256").update(s).digest();

/** Returns a check that throws 401 unless the request carries the token (compared in constant time). */
export function bearerCheck(token: string | undefined): (req: IncomingMessage) => void {
  if (token === undefined || token === "") return () => {};
  const expected = digest(token);
  return (req) => {
    const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? "");
    if (match === null || !timingSafeEqual(digest(match[1]), expected)) {
      throw new HttpError(401, "send Authorization: Bearer <token>", "authorization", { "www-authenticate": 'Bearer realm="stream-server"' });
    }
  };
}

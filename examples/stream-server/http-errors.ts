/**
 * Errors a handler throws to answer the client: a status and a JSON body `{error, field?}` that says
 * what is wrong in words for people (never a parser's or SQLite's raw message).
 */
import type { ServerResponse } from "node:http";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The request field (body key, path segment or header) at fault, when there is one. */
    readonly field?: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

export function send(res: ServerResponse, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): void {
  if (body === null) {
    res.writeHead(status, headers).end();
    return;
  }
  res.writeHead(status, { ...headers, "content-type": "application/json" }).end(JSON.stringify(body));
}

/** SQLite's extended result codes that mean "try again later", not "your request is wrong". */
const BUSY = new Set(["SQLITE_BUSY", "SQLITE_BUSY_SNAPSHOT", "SQLITE_BUSY_TIMEOUT", "SQLITE_LOCKED"]);

/**
 * Answers any error a handler threw. Unknown errors become a 500 without their message (it may
 * quote SQL or internals); a response already streaming is ended, since its status is long sent.
 */
export function answerError(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (error instanceof HttpError) {
    send(res, error.status, error.field === undefined ? { error: error.message } : { error: error.message, field: error.field }, error.headers);
  } else if (BUSY.has((error as { code?: string }).code ?? "")) {
    send(res, 503, { error: "the database is busy; retry shortly" }, { "retry-after": "1" });
  } else {
    send(res, 500, { error: "internal error" });
  }
}

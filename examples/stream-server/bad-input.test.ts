/**
 * The server under bad input, over real HTTP on 127.0.0.1 (raw sockets where fetch cannot send it),
 * on each driver: each request gets its status and a JSON error naming the field, and the server
 * serves afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, drivers, insertRequests, raw, readDatabaseState, stalled, startServer, statusOf, streams, type TestServer } from "./fixtures.js";

const unknown = "0".repeat(32);

describe.each(drivers)("on %s", (driver) => {
  let t: TestServer;
  let workspace: string;
  let request: { id: string; version: number };

  beforeAll(async () => {
    t = await startServer(driver, { headersTimeoutMs: 300, requestTimeoutMs: 600, maxBodyBytes: 1024, heartbeatMs: 50, maxBufferedBytes: 64 * 1024 });
    workspace = (await call<{ id: string }>(t.base, "POST", "/workspaces", { name: "bad input" })).body.id;
    request = (await call<{ id: string; version: number }>(t.base, "POST", `/workspaces/${workspace}/http`, { name: "r" })).body;
  });

  afterAll(() => t.app.close());

  /** The server still answers a read and a write. */
  async function stillServes(): Promise<void> {
    expect((await call(t.base, "GET", "/metrics")).status).toBe(200);
    expect((await call(t.base, "POST", `/workspaces/${workspace}/http`, { name: "after" })).status).toBe(201);
  }

  describe("malformed requests", () => {
    it.each(["http://", "http://[::1/workspaces", "http://a:99999/metrics", "http://%zz/metrics", "/%zz"])("answers 400 to the request target %s", async (target) => {
      const reply = await raw(t.port, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect(statusOf(reply)).toBe(400);
      await stillServes();
    });

    it("answers 408 and closes when the headers never finish", async () => {
      expect(statusOf(await raw(t.port, "GET /metrics HTTP/1.1\r\nHost: x\r\n"))).toBe(408);
      await stillServes();
    });

    it("cuts off a client that announces a body and never sends it", async () => {
      const reply = await raw(t.port, `POST /workspaces HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"na`);
      expect(statusOf(reply)).toBe(408);
      await stillServes();
    });

    it("answers 413 to a body over the limit, announced or not", async () => {
      const big = JSON.stringify({ name: "x".repeat(2000) });
      expect((await call(t.base, "POST", "/workspaces", big)).status).toBe(413);
      const chunked = `POST /workspaces HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n${(big.length).toString(16)}\r\n${big}\r\n0\r\n\r\n`;
      expect(statusOf(await raw(t.port, chunked))).toBe(413);
      await stillServes();
    });
  });

  describe("writes", () => {
    const http = () => `/workspaces/${workspace}/http`;

    it("require Content-Type: application/json (415)", async () => {
      expect((await call(t.base, "POST", "/workspaces", '{"name":"x"}', { "content-type": "text/plain" })).status).toBe(415);
      const form = await call<{ field: string }>(t.base, "POST", http(), "name=x", { "content-type": "application/x-www-form-urlencoded" });
      expect(form).toEqual({ status: 415, body: expect.objectContaining({ field: "content-type" }) });
    });

    it("answer malformed JSON with 400 naming the body, not the parser's message", async () => {
      const res = await call<{ error: string; field: string }>(t.base, "POST", http(), '{"name": ');
      expect(res).toEqual({ status: 400, body: { error: "the body is not valid JSON", field: "body" } });
      expect((await call(t.base, "POST", http(), "[1]")).status).toBe(400);
      expect((await call(t.base, "POST", http(), Buffer.from([0x7b, 0xff, 0x7d]).toString("latin1"))).status).toBe(400);
    });

    it.each([
      ["POST", "/workspaces", {}, "name"],
      ["POST", "/workspaces", { name: 5 }, "name"],
      ["POST", "http", { url: "u" }, "name"],
      ["POST", "http", { name: "n", method: ["GET"] }, "method"],
      // Methods are the schema's CHECK list (a literal union in the generated types): others are refused, not a 500.
      ["POST", "http", { name: "n", method: "FETCH" }, "method"],
      ["POST", "http", { name: "n", method: "get" }, "method"],
    ])("answer %s %s %j with 400 naming %s", async (method, path, body, field) => {
      const res = await call<{ field: string }>(t.base, method, path === "http" ? http() : path, body);
      expect(res.status).toBe(400);
      expect(res.body.field).toBe(field);
    });

    it("answer 404 for an unknown workspace or request, 400 for a malformed id", async () => {
      expect((await call(t.base, "POST", `/workspaces/${unknown}/http`, { name: "n" })).status).toBe(404);
      expect((await call(t.base, "PATCH", `${http()}/${unknown}`, { version: 1 })).status).toBe(404);
      expect((await call(t.base, "DELETE", `${http()}/${unknown}`)).status).toBe(404);
      for (const bad of [`${workspace}0`, workspace.slice(1), workspace.toUpperCase(), `${workspace.slice(0, 30)}zz`]) {
        const res = await call<{ field: string }>(t.base, "POST", `/workspaces/${bad}/http`, { name: "n" });
        expect(res, bad).toEqual({ status: 400, body: expect.objectContaining({ field: "workspace id" }) });
      }
      expect((await call<{ field: string }>(t.base, "DELETE", `${http()}/${request.id}0`)).body.field).toBe("request id");
      // The odd-length id did not alias the real one.
      expect((await call(t.base, "PATCH", `${http()}/${request.id}`, { version: request.version, name: "still here" })).status).toBe(200);
      request.version++;
    });

    it("answer a PATCH without or with an ill-typed version 400, a stale one 409", async () => {
      const patch = (body: unknown) => call<{ field: string }>(t.base, "PATCH", `${http()}/${request.id}`, body);
      expect((await patch({ name: "n" })).body).toEqual(expect.objectContaining({ field: "version" }));
      expect((await patch({ name: "n", version: "1" })).status).toBe(400);
      expect((await patch({ name: "n", version: 1.5 })).status).toBe(400);
      expect((await patch({ name: "n", version: request.version - 1 })).status).toBe(409);
      expect((await patch({ url: "https://example.com", version: request.version })).status).toBe(200);
    });

    it("answer a known path with the wrong method 405", async () => {
      expect((await call(t.base, "PUT", "/workspaces", { name: "x" })).status).toBe(405);
      expect((await call(t.base, "GET", "/nowhere")).status).toBe(404);
      await stillServes();
    });
  });

  describe("streams", () => {
    it("answers 400 to a Last-Event-ID that is not a seq, 404 to an unknown workspace", async () => {
      for (const id of ["abc", "-1", "1.5", "1e3", "99999999999999999999", "999999999"]) {
        expect((await call(t.base, "GET", `/workspaces/${workspace}/stream`, undefined, { "last-event-id": id })).status, id).toBe(400);
      }
      expect((await call(t.base, "GET", `/workspaces/${unknown}/stream`)).status).toBe(404);
    });

    it("sends its headers at once and a heartbeat while nothing changes", async () => {
      const { latest } = await readDatabaseState(t.db, workspace);
      const controller = new AbortController();
      const res = await fetch(`${t.base}/workspaces/${workspace}/stream`, { headers: { "last-event-id": String(latest) }, signal: controller.signal });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/event-stream");
      const first = await res.body?.getReader().read();
      expect(new TextDecoder().decode(first?.value)).toContain(": heartbeat");
      controller.abort();
    });

    it.each([
      [64 * 1024, /is not reading its stream/],
      [256 * 1024 * 1024, /stopped reading/],
    ])("drops a client that never reads (buffer limit %i bytes), and keeps serving", async (maxBufferedBytes, reason) => {
      // Its own server: the timeouts above are too tight for a test that writes megabytes on the same thread.
      const own = await startServer(driver, { heartbeatMs: 50, maxBufferedBytes });
      const id = (await call<{ id: string }>(own.base, "POST", "/workspaces", { name: "big" })).body.id;
      // Far more than the socket buffers hold, so the server's own buffer for the client fills.
      await insertRequests(own.db, id, 100, 100_000);
      const socket = await stalled(own.port, `GET /workspaces/${id}/stream HTTP/1.1\r\nHost: x\r\n\r\n`);
      // Over the limit at once, or (with a limit too large to reach) when two heartbeats find no progress.
      await streams(own.base, (s) => s.dropped === 1 && s.clients === 0 && s.bufferedBytes === 0);
      expect((await call<{ streams: { lastDropReason: string } }>(own.base, "GET", "/metrics")).body.streams.lastDropReason).toMatch(reason);
      expect((await call(own.base, "POST", `/workspaces/${id}/http`, { name: "after" })).status).toBe(201);
      socket.destroy();
      await own.app.close();
    });
  });
});

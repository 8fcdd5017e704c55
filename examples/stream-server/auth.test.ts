/** The optional bearer token: with TOKEN set, every route answers 401 without it. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, startServer, type TestServer } from "./fixtures.js";

let t: TestServer;
// The token is checked before any route touches the database: one driver is enough.
beforeAll(async () => (t = await startServer("better-sqlite3", { token: "s3cret" })));
afterAll(() => t.app.close());

describe("bearer token", () => {
  it("refuses every route without the right token, and serves with it", async () => {
    const ok = { authorization: "Bearer s3cret" };
    for (const headers of [{} as Record<string, string>, { authorization: "Bearer wrong" }, { authorization: "s3cret" }, { authorization: "Basic czNjcmV0" }]) {
      const res = await call<{ field: string }>(t.base, "POST", "/workspaces", { name: "w" }, headers);
      expect(res.status).toBe(401);
      expect((await call(t.base, "GET", "/metrics", undefined, headers)).status).toBe(401);
      expect((await call(t.base, "GET", `/workspaces/${"0".repeat(32)}/stream`, undefined, headers)).status).toBe(401);
    }
    const created = await call<{ id: string }>(t.base, "POST", "/workspaces", { name: "w" }, ok);
    expect(created.status).toBe(201);
    expect((await call(t.base, "GET", "/metrics", undefined, ok)).status).toBe(200);
    const stream = await fetch(`${t.base}/workspaces/${created.body.id}/stream`, { headers: ok });
    expect(stream.status).toBe(200);
    await stream.body?.cancel();
  });
});

/**
 * The streaming server over real HTTP on 127.0.0.1, on each driver: several writers and several
 * streaming clients at once; every client's final state must equal the database's, with nothing
 * lost or duplicated.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call as callAt, drivers, onOwnConnection, readDatabaseState, runWriter, startServer, type TestServer } from "./fixtures.js";
import { StreamClient } from "./sse-client.js";
import type { WireRequest } from "./wire.js";

describe.each(drivers)("stream server on %s", (driver) => {
  let t: TestServer;
  let base: string;

  beforeAll(async () => {
    t = await startServer(driver);
    base = t.base;
  });

  afterAll(() => t.app.close());

  const call = <T>(method: string, path: string, body?: unknown) => callAt<T>(base, method, path, body);

  const databaseState = (workspace: string) => readDatabaseState(t.db, workspace);
  const writer = (workspace: string, seed: number, ops: number) => runWriter(base, workspace, seed, ops);

  it("brings every client to the database's state: creates, updates and deletes, nothing lost or duplicated", async () => {
    const workspace = (await call<{ id: string }>("POST", "/workspaces", { name: "load" })).body.id;
    for (let i = 0; i < 30; i++) await call("POST", `/workspaces/${workspace}/http`, { name: `seed ${i}` });

    const early = Array.from({ length: 190 }, () => new StreamClient(`${base}/workspaces/${workspace}/stream`));
    await Promise.all(early.map((c) => c.connect()));
    const writers = [1, 2, 3, 4, 5].map((seed) => writer(workspace, seed, 60));
    // Clients join while the writers are busy: their snapshots and the feed must still line up.
    const late: StreamClient[] = [];
    for (let i = 0; i < 10; i++) {
      await new Promise((r) => setTimeout(r, 10));
      late.push(new StreamClient(`${base}/workspaces/${workspace}/stream`));
      await late[i].connect();
    }
    await Promise.all(writers);

    const truth = await databaseState(workspace);
    for (const client of [...early, ...late]) {
      await client.caughtUp(truth.latest);
      expect(new Map([...client.state].sort()), "client state").toEqual(new Map([...truth.rows].sort()));
      // Each change at most once, in increasing order.
      expect(client.seqs.every((s, i) => i === 0 || s > client.seqs[i - 1])).toBe(true);
      client.close();
    }
    expect(truth.rows.size).toBeGreaterThan(30);
  });

  it("resumes from Last-Event-ID without a snapshot, and sees the changes it missed", async () => {
    const workspace = (await call<{ id: string }>("POST", "/workspaces", { name: "resume" })).body.id;
    const first = (await call<WireRequest>("POST", `/workspaces/${workspace}/http`, { name: "kept" })).body;
    const client = new StreamClient(`${base}/workspaces/${workspace}/stream`);
    await client.connect();
    await client.caughtUp(1);
    const seen = client.lastSeq;
    client.close();
    await call("DELETE", `/workspaces/${workspace}/http/${first.id}`);
    const created = (await call<WireRequest>("POST", `/workspaces/${workspace}/http`, { name: "new" })).body;
    await client.connect(seen);
    await client.caughtUp((await databaseState(workspace)).latest);
    expect([...client.state.keys()]).toEqual([created.id]);
    client.close();
  });

  it("reports metrics and logs operations to streaming_performance_log, one row per operation", async () => {
    const res = await call<{ counters: { operationCount: number; recordCount: number; errorCount: number }; performance: { operationType: string; operations: number }[] }>("GET", "/metrics");
    expect(res.status).toBe(200);
    expect(res.body.counters.operationCount).toBeGreaterThan(100);
    expect(res.body.counters.errorCount).toBe(0);
    const byType = new Map(res.body.performance.map((p) => [p.operationType, p.operations]));
    // seq only grows by one per change (AUTOINCREMENT, nothing deleted from change_log): the newest is the count.
    const writes = await onOwnConnection(t.db, async (store) => await store.changeLogHead());
    // Each write is one row, whatever the number of clients that received it.
    expect(byType.get("update")).toBe(writes);
    expect(byType.get("snapshot")).toBeGreaterThan(0);
    expect(JSON.stringify(res.body)).not.toMatch(/[0-9a-f]{32}/);
  });

  it("answers 409 to an update with a stale version, 404 to unknown paths", async () => {
    const workspace = (await call<{ id: string }>("POST", "/workspaces", { name: "conflict" })).body.id;
    const r = (await call<WireRequest>("POST", `/workspaces/${workspace}/http`, { name: "a" })).body;
    const body = { name: "b", url: "", method: "GET", version: r.version };
    expect((await call("PATCH", `/workspaces/${workspace}/http/${r.id}`, body)).status).toBe(200);
    expect((await call("PATCH", `/workspaces/${workspace}/http/${r.id}`, body)).status).toBe(409);
    expect((await call("GET", "/nowhere")).status).toBe(404);
  });
});

/**
 * The fan-out under pressure, over real HTTP on 127.0.0.1, on each driver: a client that falls too
 * far behind is dropped with a reason and resumes by Last-Event-ID with nothing missed or repeated;
 * two server processes on one database file deliver each other's writes.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, drivers, insertRequests, readDatabaseState, runWriter, seqsAfter, stalled, startServer, streams } from "./fixtures.js";
import { StreamClient } from "./sse-client.js";

let compiled: string;
const children: ChildProcess[] = [];
// Compiled once, without type checking (npm test checks types): the second process runs this build.
beforeAll(() => {
  mkdirSync("build", { recursive: true });
  compiled = mkdtempSync(join("build", "test-server-"));
  const tsc = spawnSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.examples.json", "--noCheck", "--outDir", compiled], { encoding: "utf8" });
  expect(tsc.status, tsc.stdout).toBe(0);
});
afterAll(() => {
  children.forEach((c) => c.kill());
  rmSync(compiled, { recursive: true, force: true });
});

/** Creates `n` requests of 20 KB on another connection (as another process would). */
const insertBig = (db: string, workspace: string, n: number) => insertRequests(db, workspace, n, 20_000);

describe.each(drivers)("fan-out on %s", (driver) => {
  it("drops a client more than maxLag changes behind with a reason; it resumes by Last-Event-ID, nothing missed or repeated", async () => {
    const t = await startServer(driver, { maxLag: 20, maxBufferedBytes: 16 * 1024 });
    const workspace = (await call<{ id: string }>(t.base, "POST", "/workspaces", { name: "lag" })).body.id;
    const start = (await readDatabaseState(t.db, workspace)).latest;
    const socket = await stalled(t.port, `GET /workspaces/${workspace}/stream HTTP/1.1\r\nHost: x\r\nLast-Event-ID: ${start}\r\n\r\n`);
    await streams(t.base, (s) => s.clients === 1);
    await insertBig(t.db, workspace, 600);
    await streams(t.base, (s) => s.dropped === 1 && /changes behind; reconnect with Last-Event-ID/.test(s.lastDropReason ?? ""));

    // What reached the client before the cut: whole events only (the stream's final `dropped` event, with the
    // reason, comes after the backlog and may be cut with it).
    socket.resume();
    const received = await new Promise<string>((resolve) => {
      let text = "";
      socket.setEncoding("utf8").on("data", (c: string) => (text += c)).on("close", () => resolve(text));
    });
    const events = received.split("\n\n").slice(0, -1);
    const seen = events.flatMap((e) => /^id: (\d+)$/m.exec(e)?.[1] ?? []).map(Number);
    expect(seen.length).toBeLessThan(600);

    const resumed = new StreamClient(`${t.base}/workspaces/${workspace}/stream`);
    const last = seen.length > 0 ? seen[seen.length - 1] : start;
    await resumed.connect(last);
    const all = await seqsAfter(t.db, workspace, start);
    await resumed.caughtUp(all[all.length - 1]);
    expect([...seen, ...resumed.seqs]).toEqual(all);
    resumed.close();
    await t.app.close();
  });

  it("switches a client that stops reading to catching up from change_log, and back to live once it reads: nothing missed or repeated", async () => {
    const t = await startServer(driver, { maxBufferedBytes: 16 * 1024 });
    const workspace = (await call<{ id: string }>(t.base, "POST", "/workspaces", { name: "slow" })).body.id;
    const start = (await readDatabaseState(t.db, workspace)).latest;
    const socket = await stalled(t.port, `GET /workspaces/${workspace}/stream HTTP/1.1\r\nHost: x\r\nLast-Event-ID: ${start}\r\n\r\n`);
    await streams(t.base, (s) => s.clients === 1);
    await insertBig(t.db, workspace, 600);
    await streams(t.base, (s) => s.catchingUp === 1);
    const all = await seqsAfter(t.db, workspace, start);
    let received = "";
    socket.setEncoding("utf8").on("data", (c: string) => (received += c));
    socket.resume();
    await streams(t.base, (s) => s.live === 1);
    const ids = () => [...received.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
    while (ids().length < all.length) await new Promise((r) => setTimeout(r, 20));
    expect(ids()).toEqual(all);
    socket.destroy();
    await t.app.close();
  });

  it("two server processes on one database file: writers and clients on both, every client ends at the database's state", async () => {
    const a = await startServer(driver);
    const b = await serverProcess(a.db);
    const workspace = (await call<{ id: string }>(a.base, "POST", "/workspaces", { name: "two processes" })).body.id;
    const clients = [a.base, b, a.base, b, a.base, b].map((base) => new StreamClient(`${base}/workspaces/${workspace}/stream`));
    await Promise.all(clients.map((c) => c.connect()));
    await Promise.all([runWriter(a.base, workspace, 11, 50), runWriter(b, workspace, 12, 50), runWriter(a.base, workspace, 13, 50), runWriter(b, workspace, 14, 50)]);
    const truth = await readDatabaseState(a.db, workspace);
    for (const client of clients) {
      await client.caughtUp(truth.latest);
      expect(new Map([...client.state].sort())).toEqual(new Map([...truth.rows].sort()));
      expect(client.seqs).toEqual(await seqsAfter(a.db, workspace, 0));
      client.close();
    }
    await a.app.close();
  });
});

/** The compiled server started as a second process on `db`; resolves with its base URL. */
async function serverProcess(db: string): Promise<string> {
  const child = spawn(process.execPath, [join(compiled, "examples", "stream-server", "main.js")], { env: { ...process.env, PORT: "0", DB: db, TOKEN: "" }, stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  return new Promise((resolve) => {
    let text = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      text += d;
      const url = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(text);
      if (url !== null) resolve(url[1]);
    });
  });
}

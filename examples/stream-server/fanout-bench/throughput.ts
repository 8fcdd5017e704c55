/**
 * Write throughput with n idle SSE clients connected, watching the written workspace ("same": every
 * change reaches them) or another one: 200 concurrent then 100 sequential creates on a fresh server.
 * One more client, in the benchmark's own process, times each sequential create from its sending to
 * its delivery.
 */
import { get, type IncomingMessage } from "node:http";
import { readDatabaseState } from "../database-state.js";
import { benchEntry, ClientsProcess, post, startServer } from "./processes.js";
import { cpuMs, loadPerCore, percentiles, rssMb, type Percentiles } from "./stats.js";

const CONCURRENT = 200;
const SEQUENTIAL = 100;

export type IdleOn = "same" | "other";

export interface ThroughputRow {
  readonly clients: number;
  readonly idleOn: IdleOn;
  readonly concurrentPerSec: number;
  readonly sequentialPerSec: number;
  /** Server CPU time (user + system) per write: steadier than wall time on a shared machine. */
  readonly cpuMsPerWrite: number;
  /** CPU time of the idle clients' process per write (it shares the machine with the server and the writer). */
  readonly clientsCpuMsPerWrite: number;
  /** Server RSS after the writes. */
  readonly rssMb: number;
  /** Send-to-delivery of the sequential creates, at the watching client. */
  readonly latencyMs: Percentiles;
  /** Change events received by all clients (idle ones and the watcher) per second, from the first write to the last delivery. */
  readonly eventsPerSec: number;
  /** Idle clients that had every change of their workspace at the end. */
  readonly current: number;
  readonly loadPerCore: number;
}

/** Opens a stream; `onData` sees every chunk. Resolves once the response headers arrive. */
function open(url: string, onData: (chunk: string) => void): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = get(url, { agent: false }, (res) => {
      res.setEncoding("utf8");
      res.on("data", onData);
      res.on("error", () => {});
      resolve(res);
    });
    req.on("error", reject);
  });
}

export async function throughput(main: string, libsql: boolean, clients: number, idleOn: IdleOn): Promise<ThroughputRow> {
  const server = await startServer(main, libsql);
  const { child, base } = server;
  let idle: ClientsProcess | null = null;
  try {
    const ws = (await post<{ id: string }>(`${base}/workspaces`, { name: "bench" })).id;
    const other = (await post<{ id: string }>(`${base}/workspaces`, { name: "other" })).id;
    const idleWs = idleOn === "same" ? ws : other;
    if (clients > 0) idle = await ClientsProcess.start(benchEntry, "idle", `${base}/workspaces/${idleWs}/stream`, clients, 0);
    const delivered = new Map<string, number>();
    let buffer = "";
    const watcher = await open(`${base}/workspaces/${ws}/stream`, (chunk) => {
      buffer += chunk;
      for (const m of buffer.matchAll(/"op":"insert","table":"http","id":"([0-9a-f]+)"/g)) if (!delivered.has(m[1])) delivered.set(m[1], performance.now());
      buffer = buffer.slice(buffer.lastIndexOf("\n\n") + 1);
    });
    await new Promise((r) => setTimeout(r, 500)); // let snapshots and connections settle
    const create = (name: string) => post<{ id: string }>(`${base}/workspaces/${ws}/http`, { name });
    const load = loadPerCore();
    const cpu0 = cpuMs(child.pid!);
    const clientsCpu0 = idle === null ? 0 : cpuMs(idle.pid);
    const start = performance.now();
    await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => create(`r${i}`)));
    const concurrentMs = performance.now() - start;
    const sent = new Map<string, number>();
    const sequentialStart = performance.now();
    for (let i = 0; i < SEQUENTIAL; i++) {
      const t = performance.now();
      sent.set((await create(`s${i}`)).id, t);
    }
    const sequentialMs = performance.now() - sequentialStart;
    const cpu = cpuMs(child.pid!) - cpu0;
    const clientsCpu = idle === null ? 0 : cpuMs(idle.pid) - clientsCpu0;
    const rss = rssMb(child.pid!);
    const deadline = Date.now() + 60_000;
    while (delivered.size < CONCURRENT + SEQUENTIAL && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const watcherDone = Math.max(...delivered.values());
    const idleResult = await idle?.finish({ latest: (await readDatabaseState(server.db, idleWs)).latest, digest: "", sent: [] });
    watcher.destroy();
    // Idle clients report arrival in epoch ms; the watcher in this process's clock.
    const lastArrival = Math.max(watcherDone, idleResult === undefined ? 0 : idleResult.lastArrival - performance.timeOrigin);
    return {
      clients,
      idleOn,
      concurrentPerSec: (CONCURRENT / concurrentMs) * 1000,
      sequentialPerSec: (SEQUENTIAL / sequentialMs) * 1000,
      cpuMsPerWrite: cpu / (CONCURRENT + SEQUENTIAL),
      clientsCpuMsPerWrite: clientsCpu / (CONCURRENT + SEQUENTIAL),
      rssMb: rss,
      latencyMs: percentiles([...sent].map(([id, t]) => (delivered.get(id) ?? Infinity) - t)),
      eventsPerSec: ((delivered.size + (idleResult?.events ?? 0)) / (lastArrival - start)) * 1000,
      current: idleResult?.current ?? 0,
      loadPerCore: load,
    };
  } finally {
    idle?.stop();
    child.kill();
  }
}

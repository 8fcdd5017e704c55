/**
 * The stream server end to end over HTTP: n SSE clients keeping the workspace's state while several
 * writers create, update and delete concurrently. Reports the writers' throughput, each change's
 * time from its write being sent to its delivery at each client, events/s delivered, server RSS and
 * CPU, and how many clients ended with exactly the database's state.
 */
import { runWriter } from "../api-client.js";
import { readDatabaseState, stateDigest } from "../database-state.js";
import { benchEntry, ClientsProcess, post, startServer } from "./processes.js";
import { cpuMs, loadPerCore, rssMb, type Percentiles } from "./stats.js";

const WRITERS = 8;
const OPS_PER_WRITER = 60;
const SEED_ROWS = 30;

export interface EndToEndRow {
  readonly clients: number;
  readonly writers: number;
  readonly writes: number;
  readonly writesPerSec: number;
  /** Write sent → change delivered, over every (change, client) pair. An upper bound of commit → delivery: it includes the write's own request. */
  readonly latencyMs: Percentiles;
  /** Change events received by all clients per second, from the first write to the last delivery. */
  readonly eventsPerSec: number;
  readonly events: number;
  /** Server RSS: before the writers (clients connected, snapshots sent) and the peak during the run. */
  readonly rssIdleMb: number;
  readonly rssPeakMb: number;
  readonly cpuMsPerWrite: number;
  /** Clients whose final state equals the database's (all of them, or the server lost something). */
  readonly matching: number;
  readonly loadPerCore: number;
}

export async function endToEnd(main: string, libsql: boolean, clients: number): Promise<EndToEndRow> {
  const server = await startServer(main, libsql);
  const { child, base } = server;
  let held: ClientsProcess | null = null;
  try {
    const ws = (await post<{ id: string }>(`${base}/workspaces`, { name: "e2e" })).id;
    for (let i = 0; i < SEED_ROWS; i++) await post(`${base}/workspaces/${ws}/http`, { name: `seed ${i}` });
    const start = (await readDatabaseState(server.db, ws)).latest;
    held = await ClientsProcess.start(benchEntry, "tracking", `${base}/workspaces/${ws}/stream`, clients, start);
    const rssIdle = rssMb(child.pid!);
    let rssPeak = rssIdle;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(child.pid!))), 100);
    const sent: [string, number][] = [];
    const load = loadPerCore();
    const cpu0 = cpuMs(child.pid!);
    const t0 = performance.timeOrigin + performance.now();
    await Promise.all(Array.from({ length: WRITERS }, (_, i) => runWriter(base, ws, 100 + i, OPS_PER_WRITER, (key, at) => sent.push([key, at]))));
    const writesMs = performance.timeOrigin + performance.now() - t0;
    const cpu = cpuMs(child.pid!) - cpu0;
    const truth = await readDatabaseState(server.db, ws);
    const result = await held.finish({ latest: truth.latest, digest: stateDigest(truth.rows), sent });
    clearInterval(sampler);
    const writes = WRITERS * OPS_PER_WRITER;
    return {
      clients,
      writers: WRITERS,
      writes,
      writesPerSec: (writes / writesMs) * 1000,
      latencyMs: result.latency,
      eventsPerSec: (result.events / (result.lastArrival - t0)) * 1000,
      events: result.events,
      rssIdleMb: rssIdle,
      rssPeakMb: rssPeak,
      cpuMsPerWrite: cpu / writes,
      matching: result.matching,
      loadPerCore: load,
    };
  } finally {
    held?.stop();
    child.kill();
  }
}

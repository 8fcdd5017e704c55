/**
 * The benchmark's SSE clients, run in a child process of their own so that reading their streams
 * does not slow the writers. "idle" clients count the change events they receive and discard them;
 * "tracking" clients keep the workspace's state (StreamClient) and note when each change arrived.
 * The parent tells them the database's newest seq and state once the writers are done; they wait
 * until every client has it and answer with what they received.
 */
import { get } from "node:http";
import { stateDigest } from "../database-state.js";
import { StreamClient } from "../sse-client.js";
import { changeKey } from "../api-client.js";
import { percentiles, type Percentiles } from "./stats.js";

export type ClientMode = "idle" | "tracking";

/** The parent's question, once every write is acknowledged. */
export interface Finish {
  readonly latest: number;
  /** stateDigest of the database's rows (tracking clients compare theirs with it). */
  readonly digest: string;
  /** When each write was sent (ms since the epoch), by changeKey. */
  readonly sent: readonly (readonly [string, number])[];
}

export interface ClientsResult {
  readonly clients: number;
  /** Clients that reached `latest` in time. */
  readonly current: number;
  /** Tracking clients whose state equals the database's (0 for idle clients). */
  readonly matching: number;
  readonly events: number;
  /** Arrival of the last change event, ms since the epoch. */
  readonly lastArrival: number;
  /** Sent-to-delivered times of every (change, client) pair matched to a sent write, in ms. */
  readonly latency: Percentiles;
}

const now = () => performance.timeOrigin + performance.now();

interface Held {
  lastSeq(): number;
  digest(): string | null;
  close(): void;
}

/** An idle stream: counts whole change events and remembers the last id, parsing nothing else. */
function idle(url: string, counted: { events: number; lastArrival: number }): Promise<Held> {
  return new Promise((resolve, reject) => {
    let last = 0;
    // The end of the last chunk after its last whole event: an event may span two chunks.
    let tail = "";
    const req = get(url, { agent: false }, (res) => {
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        const text = tail + chunk;
        const end = text.lastIndexOf("\n\n");
        tail = end < 0 ? text : text.slice(end + 2);
        if (end < 0) return;
        for (let i = text.indexOf("event: change"); i >= 0 && i < end; i = text.indexOf("event: change", i + 1)) counted.events++;
        const id = text.lastIndexOf("id: ", end);
        if (id >= 0) {
          last = Math.max(last, parseInt(text.slice(id + 4), 10));
          counted.lastArrival = now();
        }
      });
      res.on("error", () => {});
      resolve({ lastSeq: () => last, digest: () => null, close: () => res.destroy() });
    });
    req.on("error", reject);
  });
}

async function tracking(url: string, start: number, counted: { events: number; lastArrival: number }, arrivals: Map<string, number[]>): Promise<Held> {
  const client = new StreamClient(url, (c) => {
    const at = now();
    counted.events++;
    counted.lastArrival = at;
    const key = changeKey(c.op, c.id, c.request?.version ?? null);
    const list = arrivals.get(key);
    if (list === undefined) arrivals.set(key, [at]);
    else list.push(at);
  });
  await client.connect();
  // Ready once its snapshot is in: the writers start after every client holds the workspace.
  await client.caughtUp(start, 120_000);
  return { lastSeq: () => client.lastSeq, digest: () => stateDigest(client.state), close: () => client.close() };
}

/**
 * The child's side: opens `n` clients (tracking clients hold the snapshot up to `start`), says
 * "ready", answers one Finish, then waits to be killed.
 */
export async function runClients(mode: ClientMode, url: string, n: number, start: number): Promise<void> {
  const counted = { events: 0, lastArrival: 0 };
  const arrivals = new Map<string, number[]>();
  const held: Held[] = [];
  // In groups, so that a thousand connects do not all wait on one accept queue at once.
  for (let i = 0; i < n; i += 100) {
    const group = Array.from({ length: Math.min(100, n - i) }, () => (mode === "idle" ? idle(url, counted) : tracking(url, start, counted, arrivals)));
    held.push(...(await Promise.all(group)));
  }
  process.send!({ type: "ready" });
  process.once("message", async (finish: Finish) => {
    const deadline = Date.now() + 60_000;
    while (held.some((h) => h.lastSeq() < finish.latest) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const latencies: number[] = [];
    for (const [key, at] of finish.sent) for (const t of arrivals.get(key) ?? []) latencies.push(t - at);
    const result: ClientsResult = {
      clients: n,
      current: held.filter((h) => h.lastSeq() >= finish.latest).length,
      matching: held.filter((h) => h.digest() === finish.digest).length,
      events: counted.events,
      lastArrival: counted.lastArrival,
      latency: percentiles(latencies),
    };
    process.send!({ type: "result", result });
    held.forEach((h) => h.close());
  });
}

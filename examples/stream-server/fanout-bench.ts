/**
 * `npm run bench:fanout`: write throughput of the stream server with 0, 20, 100, 500 idle SSE
 * clients, each run on a fresh database and a fresh server process (loopback only). Idle clients
 * either watch the workspace being written ("same": every change reaches them) or another one.
 * Reports writes/s for 200 concurrent then 100 sequential creates, the server's CPU time per write
 * (steadier than wall time on a shared machine), server RSS, and, for the sequential creates, the
 * time from sending a create to a watching client receiving its change (p50/p99). The idle clients
 * live in a child process of their own, so that reading their streams does not slow the writer.
 * BENCH_SERVER=path/to/main.js measures another build of the server (e.g. an older commit's);
 * BENCH_DRIVER=@libsql/client runs the server on @libsql/client (a `file:` URL) instead of better-sqlite3.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { get, type IncomingMessage } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const SERVER = process.env.BENCH_SERVER ?? join(dirname(fileURLToPath(import.meta.url)), "main.js");
const CLIENTS = (process.env.BENCH_CLIENTS ?? "0,20,100,500").split(",").map(Number);
const WATCHING = (process.env.BENCH_WATCHING ?? "same,other").split(",") as ("same" | "other")[];
const LIBSQL = process.env.BENCH_DRIVER === "@libsql/client";
const CONCURRENT = 200;
const SEQUENTIAL = 100;

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

async function startServer(): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const path = join(mkdtempSync(join(tmpdir(), "fanout-bench-")), "b.db");
  const child = spawn(process.execPath, [SERVER], { env: { ...process.env, PORT: String(port), DB: LIBSQL ? `file:${path}` : path }, stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve) => child.stdout!.on("data", (d: Buffer) => d.toString().includes("streaming") && resolve()));
  return { child, base: `http://127.0.0.1:${port}` };
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;
/** User + system CPU time of a process, in ms (clock ticks of 10 ms). */
const cpuMs = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

async function post<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`POST ${url}: ${res.status}`);
  return (await res.json()) as T;
}

/** Opens a stream; `onData` sees every chunk. Resolves once the response headers arrive. */
function open(url: string, onData: (chunk: string) => void = () => {}): Promise<IncomingMessage> {
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

interface Row {
  clients: number;
  idleOn: string;
  concurrentPerSec: number;
  sequentialPerSec: number;
  cpuMsPerWrite: number;
  rssMb: number;
  p50: number;
  p99: number;
}

/** `--idle <url> <n>`: this script as the child process holding n idle streams open, reading and discarding. */
async function holdIdle(url: string, n: number): Promise<void> {
  const streams = await Promise.all(Array.from({ length: n }, () => open(url)));
  process.stdout.write("ready\n");
  process.on("SIGTERM", () => {
    streams.forEach((s) => s.destroy());
    process.exit(0);
  });
}

async function idleClients(url: string, n: number): Promise<ChildProcess | null> {
  if (n === 0) return null;
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), "--idle", url, String(n)], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve) => child.stdout!.on("data", (d: Buffer) => d.toString().includes("ready") && resolve()));
  return child;
}

async function run(clients: number, idleOn: "same" | "other"): Promise<Row> {
  const { child, base } = await startServer();
  try {
    const ws = (await post<{ id: string }>(`${base}/workspaces`, { name: "bench" })).id;
    const other = (await post<{ id: string }>(`${base}/workspaces`, { name: "other" })).id;
    const idle = await idleClients(`${base}/workspaces/${idleOn === "same" ? ws : other}/stream`, clients);
    const delivered = new Map<string, number>();
    let buffer = "";
    const watcher = await open(`${base}/workspaces/${ws}/stream`, (chunk) => {
      buffer += chunk;
      for (const m of buffer.matchAll(/"op":"insert","table":"http","id":"([0-9a-f]+)"/g)) if (!delivered.has(m[1])) delivered.set(m[1], performance.now());
      buffer = buffer.slice(buffer.lastIndexOf("\n\n") + 1);
    });
    await new Promise((r) => setTimeout(r, 500)); // let snapshots and connections settle
    const sent = new Map<string, number>();
    const create = async (i: number) => {
      const t = performance.now();
      const row = await post<{ id: string }>(`${base}/workspaces/${ws}/http`, { name: `r${i}` });
      sent.set(row.id, t);
    };
    const cpu0 = cpuMs(child.pid!);
    let t0 = performance.now();
    await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => create(i)));
    const concurrentMs = performance.now() - t0;
    const sequential = new Map<string, number>();
    t0 = performance.now();
    for (let i = 0; i < SEQUENTIAL; i++) {
      const t = performance.now();
      sequential.set((await post<{ id: string }>(`${base}/workspaces/${ws}/http`, { name: `s${i}` })).id, t);
    }
    const sequentialMs = performance.now() - t0;
    const cpu = cpuMs(child.pid!) - cpu0;
    const deadline = Date.now() + 30_000;
    while (delivered.size < sent.size + sequential.size && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const latencies = [...sequential].map(([id, t]) => (delivered.get(id) ?? Infinity) - t).sort((a, b) => a - b);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
    const rss = rssMb(child.pid!);
    watcher.destroy();
    idle?.kill();
    return { clients, idleOn, concurrentPerSec: (CONCURRENT / concurrentMs) * 1000, sequentialPerSec: (SEQUENTIAL / sequentialMs) * 1000, cpuMsPerWrite: cpu / (CONCURRENT + SEQUENTIAL), rssMb: rss, p50: pct(0.5), p99: pct(0.99) };
  } finally {
    child.kill();
  }
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  for (const idleOn of WATCHING) for (const n of CLIENTS) rows.push(await run(n, idleOn));
  console.log(`server: ${SERVER} on ${LIBSQL ? "@libsql/client" : "better-sqlite3"}`);
  console.log("| idle clients | watching | 200 concurrent creates/s | 100 sequential creates/s | vs 0 clients | server CPU ms/write | server RSS MB | send→delivery p50 ms | p99 ms |");
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const r of rows) {
    const zero = rows.find((z) => z.idleOn === r.idleOn && z.clients === 0) ?? r;
    const f = (x: number, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : "lost");
    console.log(`| ${r.clients} | ${r.idleOn} | ${f(r.concurrentPerSec)} | ${f(r.sequentialPerSec)} | ${f(r.concurrentPerSec / zero.concurrentPerSec, 2)}× / ${f(r.sequentialPerSec / zero.sequentialPerSec, 2)}× | ${f(r.cpuMsPerWrite, 2)} | ${f(r.rssMb)} | ${f(r.p50, 1)} | ${f(r.p99, 1)} |`);
  }
}

if (process.argv[2] === "--idle") await holdIdle(process.argv[3], Number(process.argv[4]));
else await main();

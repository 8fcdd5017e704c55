/** bench/results/fanout.md: the tables of a run, with the machine and its load next to them. */
import type { EndToEndRow } from "./end-to-end.js";
import type { ThroughputRow } from "./throughput.js";

export interface FanOutResults {
  readonly date: string;
  readonly machine: { readonly cpus: number; readonly model: string; readonly node: string; readonly platform: string };
  readonly server: string;
  readonly driver: string;
  readonly throughput: readonly ThroughputRow[];
  readonly endToEnd: readonly EndToEndRow[];
}

const f = (x: number, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : "lost");
const ratio = (x: number, zero: number) => `${f(x / zero, 2)}×`;

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/** A figure over the rounds: its median, and its range when there were several. */
interface Over {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly n: number;
}
const over = (xs: readonly number[]): Over => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length });
const spread = (x: Over, digits = 0) => (x.n === 1 ? f(x.median, digits) : `${f(x.median, digits)} (${f(x.min, digits)}–${f(x.max, digits)})`);

/** The rounds of each (watching, clients) row, in the order they first ran. */
function byRow(rows: readonly ThroughputRow[]): ThroughputRow[][] {
  const groups = new Map<string, ThroughputRow[]>();
  for (const r of rows) {
    const key = `${r.idleOn} ${r.clients}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()];
}

function throughputTable(rows: readonly ThroughputRow[]): string[] {
  const lines = [
    "| idle clients | watching | 200 concurrent creates/s | vs 0 | 100 sequential creates/s | vs 0 | server CPU ms/write | vs 0 | clients' CPU ms/write | server RSS MB | RSS per client KB | send→delivery p50 ms | p99 ms | events/s delivered | clients current | load/core |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  const groups = byRow(rows).map((g) => ({
    clients: g[0].clients,
    idleOn: g[0].idleOn,
    concurrent: over(g.map((r) => r.concurrentPerSec)),
    sequential: over(g.map((r) => r.sequentialPerSec)),
    cpu: over(g.map((r) => r.cpuMsPerWrite)),
    clientsCpu: over(g.map((r) => r.clientsCpuMsPerWrite)),
    rss: over(g.map((r) => r.rssMb)),
    p50: over(g.map((r) => r.latencyMs.p50)),
    p99: over(g.map((r) => r.latencyMs.p99)),
    events: over(g.map((r) => r.eventsPerSec)),
    current: `${g.reduce((n, r) => n + r.current, 0)}/${g.reduce((n, r) => n + r.clients, 0)}`,
    load: over(g.map((r) => r.loadPerCore)),
  }));
  for (const r of groups) {
    const zero = groups.find((z) => z.idleOn === r.idleOn && z.clients === 0) ?? r;
    const perClient = r.clients === 0 ? "–" : f(((r.rss.median - zero.rss.median) * 1024) / r.clients, 1);
    lines.push(
      `| ${r.clients} | ${r.idleOn} | ${spread(r.concurrent)} | ${ratio(r.concurrent.median, zero.concurrent.median)} | ${spread(r.sequential)} | ${ratio(r.sequential.median, zero.sequential.median)} | ${spread(r.cpu, 2)} | ${ratio(r.cpu.median, zero.cpu.median)} | ${f(r.clientsCpu.median, 2)} | ${f(r.rss.median)} | ${perClient} | ${f(r.p50.median, 1)} | ${f(r.p99.median, 1)} | ${f(r.events.median)} | ${r.current} | ${spread(r.load, 1)} |`,
    );
  }
  return lines;
}

function endToEndTable(rows: readonly EndToEndRow[]): string[] {
  const lines = [
    "| SSE clients | writers × writes | writes/s | sent→delivered p50 ms | p90 ms | p99 ms | max ms | events delivered | events/s | server RSS MB (connected / peak) | server CPU ms/write | clients equal to the database | load/core |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.clients} | ${r.writers} × ${r.writes / r.writers} | ${f(r.writesPerSec)} | ${f(r.latencyMs.p50, 1)} | ${f(r.latencyMs.p90, 1)} | ${f(r.latencyMs.p99, 1)} | ${f(r.latencyMs.max, 1)} | ${r.events} of ${r.clients * r.writes} | ${f(r.eventsPerSec)} | ${f(r.rssIdleMb)} / ${f(r.rssPeakMb)} | ${f(r.cpuMsPerWrite, 2)} | ${r.matching}/${r.clients} | ${f(r.loadPerCore, 2)} |`,
    );
  }
  return lines;
}

export function renderReport(results: FanOutResults): string {
  const m = results.machine;
  return [
    "# Stream server fan-out",
    "",
    `Run ${results.date} with \`npm run bench:fanout\`: server \`${results.server}\` on ${results.driver}; ${m.cpus} cores (${m.model}), Node ${m.node}, ${m.platform}.`,
    "Each row is a fresh database and server process on 127.0.0.1; the clients run in a process of their own.",
    "load/core is the 1-minute load average per core when the row started: the machine is shared, and above 1 other work competed for the CPU.",
    "",
    "## Writes with idle clients",
    "",
    "200 concurrent then 100 sequential creates with n SSE clients connected that write nothing, watching the written workspace",
    "(`same`: every change is delivered to each) or another one. Every row ran once per round, rounds one after the other;",
    "figures are the median over the rounds (range in brackets), and \"vs 0\" compares medians with the row of 0 clients of the",
    "same run. Latency is from sending a sequential create to its delivery at one more client; RSS per client is the growth",
    "over 0 clients. Server CPU per write counts the fan-out too, which may run while the server would otherwise wait; the",
    "clients' CPU is that of the idle clients' process, which competes with the server and the writer for this machine's cores.",
    "",
    ...throughputTable(results.throughput),
    "",
    "## End to end",
    "",
    "n SSE clients, each keeping the workspace's state from its snapshot and change events, while writers create, update and",
    "delete concurrently. Latency is from a write being sent to its change arriving, over every (change, client) pair: an upper",
    "bound of commit to delivery (it includes the write's own request). At the end every client's state is compared with the database's.",
    "",
    ...endToEndTable(results.endToEnd),
    "",
  ].join("\n");
}

/**
 * `npm run bench:fanout`: the stream server's fan-out, each run on a fresh database and server
 * process (loopback only), written to bench/results/fanout.{json,md}:
 * - writes/s with 0, 20, 100, 500, 1000 idle SSE clients (fanout-bench/throughput.ts);
 * - end to end with 20, 50, 100, 500, 1000 clients keeping state and concurrent writers (fanout-bench/end-to-end.ts).
 * Env: BENCH_CLIENTS and BENCH_WATCHING (idle clients, "same,other"), BENCH_REPEAT (rounds of the
 * idle-client rows, 5: the report gives their medians), BENCH_E2E (end-to-end clients;
 * empty skips), BENCH_OUT (folder, bench/results), BENCH_SERVER=path/to/main.js (another build),
 * BENCH_DRIVER=@libsql/client (a `file:` database on @libsql/client instead of better-sqlite3).
 * `fanout-bench.js --clients …` is the clients' child process (fanout-bench/clients.ts).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, platform, release } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { runClients, type ClientMode } from "./fanout-bench/clients.js";
import { endToEnd, type EndToEndRow } from "./fanout-bench/end-to-end.js";
import { renderReport, type FanOutResults } from "./fanout-bench/report.js";
import { throughput, type IdleOn, type ThroughputRow } from "./fanout-bench/throughput.js";

const list = (v: string | undefined, fallback: string) => (v ?? fallback).split(",").filter((s) => s !== "");

async function main(): Promise<void> {
  const server = process.env.BENCH_SERVER ?? join(dirname(fileURLToPath(import.meta.url)), "main.js");
  const libsql = process.env.BENCH_DRIVER === "@libsql/client";
  const out = process.env.BENCH_OUT ?? join("bench", "results");
  const rows: ThroughputRow[] = [];
  // Rounds of every row in turn, so that a spell of load from elsewhere falls on all client counts alike.
  const repeat = Number(process.env.BENCH_REPEAT ?? 5);
  for (let round = 1; round <= repeat; round++) {
    for (const idleOn of list(process.env.BENCH_WATCHING, "same,other") as IdleOn[]) {
      for (const n of list(process.env.BENCH_CLIENTS, "0,20,100,500,1000").map(Number)) {
        rows.push(await throughput(server, libsql, n, idleOn));
        console.error(`round ${round}, idle ${idleOn} ${n}: done`);
      }
    }
  }
  const e2e: EndToEndRow[] = [];
  for (const n of list(process.env.BENCH_E2E, "20,50,100,500,1000").map(Number)) {
    e2e.push(await endToEnd(server, libsql, n));
    console.error(`end to end ${n}: done`);
  }
  const results: FanOutResults = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? "unknown", node: process.version, platform: `${platform()} ${release()}` },
    // Relative to where the bench ran (the repository), so the record names no machine's folders.
    server: relative(process.cwd(), server),
    driver: libsql ? "@libsql/client" : "better-sqlite3",
    throughput: rows,
    endToEnd: e2e,
  };
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "fanout.json"), JSON.stringify(results, null, 2) + "\n");
  const report = renderReport(results);
  writeFileSync(join(out, "fanout.md"), report);
  console.log(report);
  // Loss is a failure of the run, whatever its speed.
  const lost = [...rows.filter((r) => r.current < r.clients), ...e2e.filter((r) => r.matching < r.clients)];
  if (lost.length > 0) {
    console.error(`clients missing changes or state: ${JSON.stringify(lost.map((r) => r.clients))}`);
    process.exitCode = 1;
  }
}

if (process.argv[2] === "--clients") await runClients(process.argv[3] as ClientMode, process.argv[4], Number(process.argv[5]), Number(process.argv[6]));
else await main();

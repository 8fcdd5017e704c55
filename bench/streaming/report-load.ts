/** streaming.md's concurrency and load-test sections. */
import { int, mib, ms, pct, table } from "./markdown.js";
import { plotFiles } from "./plots.js";
import type { Results } from "./results.js";

export function concurrencySection(r: Results): string {
  const levels = r.concurrency.levels.map((l) => l.summary);
  const rows = levels.map((s) => [s.workers, int(s.opsPerSecond), int(s.readsPerSecond), int(s.writesPerSecond), ms(s.p50Ms), ms(s.p99Ms), ms(s.writeP99Ms), s.busy, pct(s.errorRate), int(s.conflicts), mib(s.rssReadyMiB), mib(s.rssPeakMiB)]);
  const first = levels[0];
  const last = levels[levels.length - 1];
  const peak = levels.reduce((a, b) => (b.opsPerSecond > a.opsPerSecond ? b : a));
  const perWorker = levels.length > 1 ? (last.rssReadyMiB - first.rssReadyMiB) / (last.workers - first.workers) : NaN;
  const writes = levels.map((s) => s.writesPerSecond);
  return `## Concurrency

Worker threads on the ${int(r.concurrency.requests)}-request database, each with its own connection (WAL, \`busy_timeout\` 5 s), each on one of the 5 workspaces, for ${r.concurrency.levelSeconds} s per level: 40 % snapshot pages (keyset, 100 rows), 40 % incremental polls, 20 % optimistic updates (read the version, update against it). **This machine has ${r.machine.cores} cores.** Latency is per operation, waiting for the lock included; conflicts are updates that lost an optimistic-lock race (answered 0 rows, not an error); RSS is the whole process (threads share it), once the workers are ready and at its peak.

![concurrency](${plotFiles.concurrency})

${table(["workers", "ops/s", "reads/s", "writes/s", "p50 ms", "p99 ms", "write p99 ms", "SQLITE_BUSY", "error rate", "conflicts", "RSS ready", "RSS peak"], rows)}

Why the curve looks like this: SQLite lets one connection write at a time (WAL lets readers go on meanwhile), so writes are serialised whatever the number of workers — here ${int(Math.min(...writes))}–${int(Math.max(...writes))} writes/s at every level. Reads run in parallel, but only on ${r.machine.cores} cores: past ${r.machine.cores} busy workers, more threads add no throughput, only queueing, so total throughput peaks (${int(peak.opsPerSecond)} ops/s at ${peak.workers} worker${peak.workers === 1 ? "" : "s"}) and then stays flat or sags under scheduling and lock-waiting overhead, while latency grows about in proportion to the workers (p99 ${ms(first.p99Ms)} ms at ${first.workers}, ${ms(last.p99Ms)} ms at ${last.workers}). Writers wait for the lock in \`busy_timeout\` instead of failing: ${levels.reduce((a, s) => a + s.busy, 0)} SQLITE_BUSY in all levels. Each worker thread costs about ${mib(perWorker)} of RSS (its own V8 isolate, connection and page cache). The machine was shared (load average ${r.machine.loadAverageAtStart.toFixed(1)} on ${r.machine.cores} cores when the run began, before its own threads), so a worker got a fraction of a core: on an idle machine every figure here would be higher, and the shape the same.`;
}

export function loadSection(r: Results): string {
  const l = r.loadTest;
  const s = l.summary;
  const mix = "20 % snapshot pages, 20 % incremental polls, 15 % change-feed reads, 5 % delta resolutions, 20 % optimistic updates, 8 % creates (a request with its 20 children in one IMMEDIATE transaction), 7 % delta creates, 5 % cascade deletes of a request the worker created";
  const errors = Object.entries(l.errors).map(([code, n]) => `${code} ${n}`).join(", ") || "none";
  return `## Load test (the spec's TestConcurrentStreamingLoad)

${l.workers} worker threads × ${l.seconds} s on the ${int(l.requests)}-request database, each on its own connection and one of the 5 workspaces: ${mix}.

![load test](${plotFiles.load})

${table(["", ""], [
  ["operations", `${int(s.operations)} (${int(s.opsPerSecond)} ops/s; ${int(s.readsPerSecond)} reads/s, ${int(s.writesPerSecond)} writes/s)`],
  ["latency", `p50 ${ms(s.p50Ms)} ms, p99 ${ms(s.p99Ms)} ms (writes p99 ${ms(s.writeP99Ms)} ms)`],
  ["errors", `${s.errors} (${pct(s.errorRate)}): ${errors}`],
  ["lost optimistic-lock races", int(s.conflicts)],
  ["RSS", `${mib(s.rssReadyMiB)} with the workers ready, ${mib(s.rssPeakMiB)} at the peak`],
  ["acknowledged writes", `${int(l.acknowledged.creates)} creates, ${int(l.acknowledged.deltas)} delta creates, ${int(l.acknowledged.updates)} updates, ${int(l.acknowledged.deletes)} deletes`],
])}

${table(["workspace", "workers", "ops/s"], l.workspaces.map((w) => [w.workspace, w.workers, int(w.opsPerSecond)]))}

### Integrity afterwards

Every check compares the database with what the workers recorded as acknowledged; a failure fails the run (exit 1) and the test.

${table(["check", "result", "detail"], l.checks.map((c) => [c.name, c.ok ? "ok" : "**FAILED**", c.detail]))}`;
}

/**
 * Concurrency: readers streaming snapshot pages and incremental polls while writers update, at each
 * worker count, every worker on its own connection; and the summary of any pool run.
 */
import { runPool, type PoolJob, type PoolRun } from "./pool.js";
import { percentile } from "./stats.js";
import { opNames, type Mix, type OpName } from "./worker-ops.js";

export const concurrencyMix: Mix = { "snapshot page": 0.4, "incremental poll": 0.4, update: 0.2 };
const writes: readonly OpName[] = ["update", "create", "create delta", "delete"];

export interface PoolSummary {
  readonly workers: number;
  readonly seconds: number;
  readonly operations: number;
  readonly opsPerSecond: number;
  readonly readsPerSecond: number;
  readonly writesPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly readP99Ms: number;
  readonly writeP99Ms: number;
  /** Errors whose SQLite code starts with SQLITE_BUSY. */
  readonly busy: number;
  readonly errors: number;
  readonly errorRate: number;
  readonly conflicts: number;
  readonly rssReadyMiB: number;
  readonly rssPeakMiB: number;
}

/** Every latency of the run per operation, all workers merged. */
export function latenciesOf(run: PoolRun): Record<OpName, number[]> {
  return Object.fromEntries(opNames.map((op) => [op, run.results.flatMap((r) => r.latencies[op])])) as Record<OpName, number[]>;
}

export function summarizePool(run: PoolRun): PoolSummary {
  const lat = latenciesOf(run);
  const all = opNames.flatMap((op) => lat[op]);
  const writeLat = writes.flatMap((op) => lat[op]);
  const readLat = opNames.filter((op) => !writes.includes(op)).flatMap((op) => lat[op]);
  const seconds = run.durationMs / 1000;
  const errorsOf = (match: (code: string) => boolean) => run.results.reduce((n, r) => n + Object.entries(r.errors).reduce((m, [code, k]) => m + (match(code) ? k : 0), 0), 0);
  const errors = errorsOf(() => true);
  return {
    workers: run.workers,
    seconds,
    operations: all.length,
    opsPerSecond: all.length / seconds,
    readsPerSecond: readLat.length / seconds,
    writesPerSecond: writeLat.length / seconds,
    p50Ms: percentile(all, 50),
    p99Ms: percentile(all, 99),
    readP99Ms: percentile(readLat, 99),
    writeP99Ms: percentile(writeLat, 99),
    busy: errorsOf((code) => code.startsWith("SQLITE_BUSY")),
    errors,
    errorRate: all.length === 0 ? 0 : errors / all.length,
    conflicts: run.results.reduce((n, r) => n + r.conflicts, 0),
    rssReadyMiB: run.rssReadyMiB,
    rssPeakMiB: run.rssPeakMiB,
  };
}

export interface ConcurrencyLevel {
  readonly summary: PoolSummary;
  readonly latencies: Record<OpName, number[]>;
  readonly errors: Record<string, number>;
}

export async function concurrencyCurve(levels: readonly number[], job: Omit<PoolJob, "mix">, progress: (line: string) => void): Promise<ConcurrencyLevel[]> {
  const out: ConcurrencyLevel[] = [];
  for (const workers of levels) {
    const run = await runPool(workers, { ...job, mix: concurrencyMix });
    const summary = summarizePool(run);
    progress(`  ${workers} workers: ${Math.round(summary.opsPerSecond)} ops/s, p99 ${summary.p99Ms.toFixed(2)} ms, ${summary.errors} errors`);
    out.push({ summary, latencies: latenciesOf(run), errors: mergeErrors(run) });
  }
  return out;
}

export function mergeErrors(run: PoolRun): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of run.results) for (const [code, n] of Object.entries(r.errors)) out[code] = (out[code] ?? 0) + n;
  return out;
}

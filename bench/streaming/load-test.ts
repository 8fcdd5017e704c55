/**
 * The spec's TestConcurrentStreamingLoad: many workers for a fixed time, mixed streaming reads and
 * writes over every workspace; then the integrity checks on what they acknowledged.
 */
import { latenciesOf, mergeErrors, summarizePool, type PoolSummary } from "./concurrency.js";
import { connect } from "./databases.js";
import { baseline, checkIntegrity, mergeAcks, type Check } from "./integrity.js";
import { runPool } from "./pool.js";
import type { DataSet } from "./seed.js";
import type { Mix, OpName } from "./worker-ops.js";

export const loadMix: Mix = {
  "snapshot page": 0.2,
  "incremental poll": 0.2,
  "change feed": 0.15,
  "delta resolution": 0.05,
  update: 0.2,
  create: 0.08,
  "create delta": 0.07,
  delete: 0.05,
};

export interface WorkspaceLoad {
  readonly workspace: number;
  readonly workers: number;
  readonly opsPerSecond: number;
  /** Operations in each second of the run. */
  readonly perSecond: number[];
}

export interface LoadTest {
  readonly summary: PoolSummary;
  readonly workspaces: WorkspaceLoad[];
  readonly acknowledged: { creates: number; deltas: number; deletes: number; updates: number };
  readonly checks: Check[];
  readonly latencies: Record<OpName, number[]>;
  readonly errors: Record<string, number>;
}

export async function loadTest(path: string, data: DataSet, workers: number, durationMs: number): Promise<LoadTest> {
  const db = connect(path);
  try {
    const start = baseline(db);
    const run = await runPool(workers, { path, requests: data.requests, lastSecond: data.lastSecond, durationMs, mix: loadMix });
    const summary = summarizePool(run);
    const seconds = Math.ceil(durationMs / 1000);
    const workspaces = data.workspaceIds.map((_, w) => {
      const mine = run.results.filter((r) => r.workspace === w);
      const perSecond = Array.from({ length: seconds }, (_, s) => mine.reduce((n, r) => n + (r.perSecond[s] ?? 0), 0));
      return { workspace: w, workers: mine.length, opsPerSecond: perSecond.reduce((a, b) => a + b, 0) / (durationMs / 1000), perSecond };
    });
    const acks = mergeAcks(run.results.map((r) => r.acks));
    const acknowledged = { creates: acks.created.length, deltas: acks.createdDeltas.length, deletes: acks.deleted.length, updates: Object.values(acks.updates).reduce((a, b) => a + b, 0) };
    return { summary, workspaces, acknowledged, checks: checkIntegrity(db, start, acks), latencies: latenciesOf(run), errors: mergeErrors(run) };
  } finally {
    db.close();
  }
}

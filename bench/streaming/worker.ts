/**
 * A worker thread of the concurrency and load tests: its own connection (WAL, busy_timeout, as the
 * application opens it), ready, then on the start signal draws operations for `durationMs`, timing
 * each, and posts what it measured and every write SQLite acknowledged.
 */
import { parentPort, workerData } from "node:worker_threads";
import { connect } from "./databases.js";
import { layout } from "./seed.js";
import { roundMs } from "./stats.js";
import { drawer, opNames, workerOps, type Acks, type Mix, type OpName } from "./worker-ops.js";

export interface WorkerJob {
  readonly path: string;
  readonly index: number;
  readonly requests: number;
  readonly lastSecond: number;
  readonly durationMs: number;
  readonly mix: Mix;
  /** Int32Array over it: 0 until the main thread starts every worker at once. */
  readonly start: SharedArrayBuffer;
}

export interface WorkerResult {
  readonly workspace: number;
  /** Per operation, the duration of every call in ms (errors and conflicts included). */
  readonly latencies: Record<OpName, number[]>;
  /** Thrown errors by SQLite code (SQLITE_BUSY…) or error name. */
  readonly errors: Record<string, number>;
  conflicts: number;
  skipped: number;
  /** Operations completed in each second of the run. */
  readonly perSecond: number[];
  readonly acks: Acks;
}

const job = workerData as WorkerJob;
const db = connect(job.path);
const { ops, acks, workspace } = workerOps(db, layout(job.requests), job.index, job.lastSecond);
const next = drawer(job.mix, job.index);
const result: WorkerResult = { workspace, latencies: Object.fromEntries(opNames.map((n) => [n, []])) as unknown as Record<OpName, number[]>, errors: {}, conflicts: 0, skipped: 0, perSecond: [], acks };

parentPort!.postMessage({ ready: true });
Atomics.wait(new Int32Array(job.start), 0, 0);
const t0 = performance.now();
for (let now = t0; now - t0 < job.durationMs; ) {
  const op = next();
  try {
    const outcome = ops[op]();
    if (outcome === "conflict") result.conflicts++;
    else if (outcome === "skipped") result.skipped++;
  } catch (e) {
    const code = (e as { code?: string }).code ?? (e as Error).name;
    result.errors[code] = (result.errors[code] ?? 0) + 1;
  }
  const end = performance.now();
  result.latencies[op].push(roundMs(end - now));
  const second = Math.floor((end - t0) / 1000);
  result.perSecond[second] = (result.perSecond[second] ?? 0) + 1;
  now = end;
}
db.close();
parentPort!.postMessage({ result });

/**
 * The spec's StreamingMetrics (section 6.2): counters updated atomically, so that worker threads
 * sharing the buffer count together, and a writer for streaming_performance_log.
 */
import { randomBytes } from "node:crypto";
import { logStreamingOperation, type Database } from "../../generated/index.js";

const OPERATIONS = 0;
const TOTAL_DURATION_US = 1; // microseconds, so that fast operations still add up
const ERRORS = 2;
const RECORDS = 3;

export interface MetricsSnapshot {
  operationCount: number;
  totalDurationMs: number;
  errorCount: number;
  recordCount: number;
}

export class StreamingMetrics {
  private readonly counters: BigUint64Array;

  /** Pass the `buffer` of another instance to share its counters (e.g. with a worker thread). */
  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(4 * 8)) {
    this.counters = new BigUint64Array(buffer);
  }

  recordOperation(durationMs: number, recordCount: number, error?: unknown): void {
    Atomics.add(this.counters, OPERATIONS, 1n);
    Atomics.add(this.counters, TOTAL_DURATION_US, BigInt(Math.round(durationMs * 1000)));
    Atomics.add(this.counters, RECORDS, BigInt(recordCount));
    if (error !== undefined) Atomics.add(this.counters, ERRORS, 1n);
  }

  snapshot(): MetricsSnapshot {
    const read = (i: number) => Number(Atomics.load(this.counters, i));
    return { operationCount: read(OPERATIONS), totalDurationMs: read(TOTAL_DURATION_US) / 1000, errorCount: read(ERRORS), recordCount: read(RECORDS) };
  }
}

export type OperationType = "snapshot" | "delta" | "query" | "update";

/**
 * Times `fn` and counts it; appends it to streaming_performance_log unless `log` is false
 * (an idle feed poll that found nothing is counted, not logged).
 */
export function measured<T>(
  db: Database,
  metrics: StreamingMetrics,
  op: { workspaceId: Uint8Array; type: OperationType; table: string },
  fn: () => T,
  count: (result: T) => number,
  log = true,
): T {
  const start = performance.now();
  let error: unknown;
  let result: T | undefined;
  try {
    result = fn();
    return result;
  } catch (e) {
    error = e;
    throw e;
  } finally {
    const durationMs = performance.now() - start;
    const records = result === undefined ? 0 : count(result);
    metrics.recordOperation(durationMs, records, error);
    if (log || records > 0 || error !== undefined) logStreamingOperation(db, {
      id: randomBytes(16),
      workspaceId: op.workspaceId,
      operationType: op.type,
      tableName: op.table,
      recordCount: records,
      durationMs: Math.round(durationMs),
      errorMessage: error === undefined ? null : String(error),
    });
  }
}

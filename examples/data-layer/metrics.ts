/**
 * The spec's StreamingMetrics (section 6.2): counters updated atomically, so that worker threads
 * sharing the buffer count together, and streaming_performance_log with retention.
 */
import { randomBytes } from "node:crypto";
import type { SummarizeAllStreamingPerformanceRow } from "../../generated/index.js";
import type { AppQueries, Awaitable } from "./store.js";

const OPERATIONS = 0;
const TOTAL_DURATION_US = 1; // microseconds, so that fast operations still add up
const ERRORS = 2;
const RECORDS = 3;
/** Then one counter per duration bucket: latency percentiles for a dashboard, a histogram for Prometheus. */
const BUCKETS = 4;

/** Upper bounds of the duration histogram's buckets, in ms; a last bucket takes the rest. */
export const DURATION_BUCKETS_MS: readonly number[] = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000];

export interface MetricsSnapshot {
  operationCount: number;
  totalDurationMs: number;
  errorCount: number;
  recordCount: number;
  /** Operations by duration: `counts[i]` took at most `DURATION_BUCKETS_MS[i]` (and more than the bound before); the last, longer. */
  durationCounts: number[];
}

export class StreamingMetrics {
  private readonly counters: BigUint64Array;

  /** Pass the `buffer` of another instance to share its counters (e.g. with a worker thread). */
  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer((BUCKETS + DURATION_BUCKETS_MS.length + 1) * 8)) {
    this.counters = new BigUint64Array(buffer);
  }

  recordOperation(durationMs: number, recordCount: number, error?: unknown): void {
    Atomics.add(this.counters, OPERATIONS, 1n);
    Atomics.add(this.counters, TOTAL_DURATION_US, BigInt(Math.round(durationMs * 1000)));
    Atomics.add(this.counters, RECORDS, BigInt(recordCount));
    if (error !== undefined) Atomics.add(this.counters, ERRORS, 1n);
    const bucket = DURATION_BUCKETS_MS.findIndex((upper) => durationMs <= upper);
    Atomics.add(this.counters, BUCKETS + (bucket < 0 ? DURATION_BUCKETS_MS.length : bucket), 1n);
  }

  snapshot(): MetricsSnapshot {
    const read = (i: number) => Number(Atomics.load(this.counters, i));
    const durationCounts = Array.from({ length: DURATION_BUCKETS_MS.length + 1 }, (_, i) => read(BUCKETS + i));
    return { operationCount: read(OPERATIONS), totalDurationMs: read(TOTAL_DURATION_US) / 1000, errorCount: read(ERRORS), recordCount: read(RECORDS), durationCounts };
  }
}

export type OperationType = "snapshot" | "delta" | "query" | "update";

export interface Operation {
  readonly workspaceId: Uint8Array;
  readonly type: OperationType;
  readonly table: string;
}

export interface RetentionOptions {
  /** Rows older than this are deleted. */
  readonly maxAgeSeconds?: number;
  /** At most about this many rows are kept. */
  readonly maxRows?: number;
  /** Retention runs once per this many logged rows, so a write pays for it rarely. */
  readonly pruneEvery?: number;
}

/** The generated functions the log uses, on any driver (see store.ts). */
export type LogQueries = Pick<AppQueries, "logStreamingOperation" | "pruneStreamingPerformanceLog" | "trimStreamingPerformanceLog" | "summarizeAllStreamingPerformance">;

/**
 * streaming_performance_log with retention: one row per operation (a write, a snapshot, one
 * change-feed read however many clients it reached), pruned by age and size as it grows.
 */
export class PerformanceLog {
  private sincePrune = 0;
  private readonly maxAgeSeconds: number;
  private readonly maxRows: number;
  private readonly pruneEvery: number;

  constructor(
    private readonly store: LogQueries,
    readonly metrics: StreamingMetrics = new StreamingMetrics(),
    retention: RetentionOptions = {},
  ) {
    this.maxAgeSeconds = retention.maxAgeSeconds ?? 7 * 24 * 3600;
    this.maxRows = retention.maxRows ?? 100_000;
    this.pruneEvery = retention.pruneEvery ?? 1000;
  }

  async append(op: Operation, durationMs: number, records: number, error?: unknown): Promise<void> {
    await this.store.logStreamingOperation({
      id: randomBytes(16),
      workspaceId: op.workspaceId,
      operationType: op.type,
      tableName: op.table,
      recordCount: records,
      durationMs: Math.round(durationMs),
      errorMessage: error === undefined ? null : String(error),
    });
    if (++this.sincePrune >= this.pruneEvery) await this.prune();
  }

  /** Applies retention now; returns the rows deleted. */
  async prune(): Promise<number> {
    this.sincePrune = 0;
    const old = await this.store.pruneStreamingPerformanceLog({ timestamp: Math.floor(Date.now() / 1000) - this.maxAgeSeconds });
    return old + (await this.store.trimStreamingPerformanceLog({ keep: this.maxRows }));
  }

  /** Operations since `sinceSeconds` (Unix time), summed by type in SQL over the covering index. */
  summary(sinceSeconds: number): Awaitable<SummarizeAllStreamingPerformanceRow[]> {
    return this.store.summarizeAllStreamingPerformance({ timestamp: sinceSeconds });
  }
}

/**
 * Times `fn` and counts it in the metrics; appends it to the log unless `logged(result)` says
 * it is not worth a row (a change-feed read that found nothing). Errors are always logged.
 */
export async function measured<T>(log: PerformanceLog, op: Operation, fn: () => Awaitable<T>, count: (result: T) => number, logged: (records: number) => boolean = () => true): Promise<T> {
  const start = performance.now();
  let error: unknown;
  let result: T | undefined;
  try {
    result = await fn();
    return result;
  } catch (e) {
    error = e;
    throw e;
  } finally {
    const durationMs = performance.now() - start;
    const records = result === undefined ? 0 : count(result);
    log.metrics.recordOperation(durationMs, records, error);
    if (error !== undefined || logged(records)) await log.append(op, durationMs, records, error);
  }
}

/** Percentiles and per-call timing. */

/** The p-th percentile (0–100) by nearest rank; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

export interface Summary {
  readonly calls: number;
  readonly medianMs: number;
  readonly p99Ms: number;
  /** Rows returned (or changed) per second of query time. */
  readonly rowsPerSecond: number;
}

export function summarize(ms: readonly number[], rows: readonly number[]): Summary {
  const totalMs = ms.reduce((a, b) => a + b, 0);
  const totalRows = rows.reduce((a, b) => a + b, 0);
  return { calls: ms.length, medianMs: median(ms), p99Ms: percentile(ms, 99), rowsPerSecond: totalMs > 0 ? (totalRows / totalMs) * 1000 : NaN };
}

/** Milliseconds, rounded to the microsecond, so that every sample fits the JSON compactly. */
export const roundMs = (ms: number) => Math.round(ms * 1000) / 1000;

/** Runs `fn`, returning its duration in ms and its result. */
export function timed<T>(fn: () => T): [number, T] {
  const t0 = performance.now();
  const result = fn();
  return [roundMs(performance.now() - t0), result];
}

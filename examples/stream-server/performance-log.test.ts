/** streaming_performance_log's retention and summary, on a real database file, on each driver. */
import { describe, expect, it } from "vitest";
import { measured, PerformanceLog } from "../data-layer/metrics.js";
import { openStore } from "../data-layer/open-store.js";
import type { Store } from "../data-layer/store.js";
import { drivers, tempDatabase } from "./fixtures.js";

const op = { workspaceId: Buffer.alloc(16, 1), type: "update", table: "http" } as const;
/** Rows of the log: the summary counts every row since the epoch. */
const rows = async (log: PerformanceLog) => (await log.summary(0)).reduce((n, s) => n + s.operations, 0);

describe.each(drivers)("performance log on %s", (driver) => {
  const withStore = async (fn: (store: Store) => Promise<void>) => {
    const store = await openStore(tempDatabase(driver));
    try {
      await fn(store);
    } finally {
      await store.close();
    }
  };

  it("keeps about maxRows rows, pruning as it grows", () =>
    withStore(async (store) => {
      const log = new PerformanceLog(store, undefined, { maxRows: 25, pruneEvery: 10 });
      for (let i = 0; i < 200; i++) await log.append(op, 1, 1);
      expect(await rows(log)).toBeLessThanOrEqual(25 + 10);
      expect(await rows(log)).toBeGreaterThanOrEqual(25);
    }));

  it("deletes rows older than maxAgeSeconds", () =>
    withStore(async (store) => {
      const log = new PerformanceLog(store, undefined, { maxAgeSeconds: 3600 });
      await log.append(op, 1, 1);
      await store.exec("UPDATE streaming_performance_log SET timestamp = unixepoch() - 7200");
      await log.append(op, 1, 1);
      expect(await log.prune()).toBe(1);
      expect(await rows(log)).toBe(1);
    }));

  it("summarises by type in SQL, errors included, and skips reads that found nothing", () =>
    withStore(async (store) => {
      const log = new PerformanceLog(store);
      await measured(log, op, () => 3, (n) => n);
      await expect(measured(log, op, () => { throw new Error("boom"); }, () => 0)).rejects.toThrow("boom");
      await measured(log, { ...op, type: "query" }, () => 0, (n) => n, (n) => n > 0);
      expect(await log.summary(0)).toEqual([{ operationType: "update", operations: 2, records: 3, meanMs: expect.any(Number), maxMs: expect.any(Number), errors: 1 }]);
      expect(log.metrics.snapshot()).toEqual(expect.objectContaining({ operationCount: 3, errorCount: 1, recordCount: 3 }));
    }));
});

/** streaming_performance_log's retention and summary, on a real SQLite file. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openStreamingDatabase } from "../data-layer/connection.js";
import { measured, PerformanceLog } from "../data-layer/metrics.js";

const open = () => openStreamingDatabase(join(mkdtempSync(join(tmpdir(), "sqlgen-perf-")), "app.db"));
const op = { workspaceId: Buffer.alloc(16, 1), type: "update", table: "http" } as const;
const rows = (db: ReturnType<typeof open>["db"]) => db.prepare("SELECT count(*) FROM streaming_performance_log").pluck().get() as number;

describe("performance log", () => {
  it("keeps about maxRows rows, pruning as it grows", () => {
    const { db, close } = open();
    const log = new PerformanceLog(db, undefined, { maxRows: 25, pruneEvery: 10 });
    for (let i = 0; i < 200; i++) log.append(op, 1, 1);
    expect(rows(db)).toBeLessThanOrEqual(25 + 10);
    expect(rows(db)).toBeGreaterThanOrEqual(25);
    close();
  });

  it("deletes rows older than maxAgeSeconds", () => {
    const { db, close } = open();
    const log = new PerformanceLog(db, undefined, { maxAgeSeconds: 3600 });
    log.append(op, 1, 1);
    db.prepare("UPDATE streaming_performance_log SET timestamp = unixepoch() - 7200").run();
    log.append(op, 1, 1);
    expect(log.prune()).toBe(1);
    expect(rows(db)).toBe(1);
    close();
  });

  it("summarises by type in SQL, errors included, and skips reads that found nothing", () => {
    const { db, close } = open();
    const log = new PerformanceLog(db);
    measured(log, op, () => 3, (n) => n);
    expect(() => measured(log, op, () => { throw new Error("boom"); }, () => 0)).toThrow("boom");
    measured(log, { ...op, type: "query" }, () => 0, (n) => n, (n) => n > 0);
    expect(log.summary(0)).toEqual([{ operationType: "update", operations: 2, records: 3, meanMs: expect.any(Number), maxMs: expect.any(Number), errors: 1 }]);
    expect(log.metrics.snapshot()).toEqual(expect.objectContaining({ operationCount: 3, errorCount: 1, recordCount: 3 }));
    close();
  });
});

/**
 * Memory of a whole-workspace snapshot: the live JS heap's peak growth while a consumer takes it,
 * each page dropped once handled (as a stream sends it). "Live": sampled after a full collection
 * while the current result is held, so the figure is what the snapshot keeps, not when V8 happens to
 * collect garbage. Needs node --expose-gc; without it the figure is not taken.
 */
import { afterQueries } from "./after.js";
import { beforeQueries } from "./before.js";
import type { BenchDatabase } from "./databases.js";

export interface SnapshotMemory {
  /** Peak live heap growth in MiB, per way of taking the snapshot. */
  readonly wholeWorkspaceMiB: number;
  readonly offsetPagesMiB: number;
  readonly keysetPagesMiB: number;
  readonly rows: number;
}

const PAGE = 100;

function peakGrowth(take: (sample: () => void) => number): { mib: number; rows: number } {
  const gc = (globalThis as { gc?: () => void }).gc!;
  gc();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const sample = () => {
    gc();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  const rows = take(sample);
  return { mib: (peak - base) / 2 ** 20, rows };
}

function paged(next: () => unknown[]): (sample: () => void) => number {
  return (sample) => {
    let rows = 0;
    for (;;) {
      const page = next();
      rows += page.length;
      sample();
      if (page.length < PAGE) return rows;
    }
  };
}

export function snapshotMemory(before: BenchDatabase, after: BenchDatabase): SnapshotMemory | null {
  if (typeof (globalThis as { gc?: unknown }).gc !== "function") return null;
  const ws = after.data.workspaceIds[0];
  const whole = peakGrowth((sample) => {
    const rows = beforeQueries(before.db).wholeWorkspace(ws);
    sample();
    return rows.filter((r) => (r as { is_delta: number }).is_delta === 0).length;
  });
  const offset = peakGrowth(paged(beforeQueries(before.db).snapshotPager(ws, PAGE)));
  const keyset = peakGrowth(paged(afterQueries(after.db).snapshotPager(ws, PAGE)));
  if (whole.rows !== keyset.rows || offset.rows !== keyset.rows) throw new Error(`snapshot row counts differ: whole ${whole.rows}, offset ${offset.rows}, keyset ${keyset.rows}`);
  return { wholeWorkspaceMiB: whole.mib, offsetPagesMiB: offset.mib, keysetPagesMiB: keyset.mib, rows: keyset.rows };
}

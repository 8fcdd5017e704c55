/** The shape of streaming.json: every sample of the run, and what the report derives from them. */
import type { Ablation, FamilyRun } from "./compare.js";
import type { ConcurrencyLevel } from "./concurrency.js";
import type { LoadTest } from "./load-test.js";
import type { Machine } from "./machine.js";
import type { FamilyPlan } from "./plans.js";
import type { SnapshotMemory } from "./memory.js";
import { summarize, type Summary } from "./stats.js";

export interface Results {
  readonly quick: boolean;
  readonly startedAt: string;
  readonly durationSeconds: number;
  readonly machine: Machine;
  /** 1-minute load average when the run ended. */
  readonly loadAverageAtEnd: number;
  readonly pragmas: readonly string[];
  readonly seeding: readonly { requests: number; side: string; ms: number; rows: Record<string, number> }[];
  readonly families: readonly FamilyRun[];
  /** Each family's statements and their query plans on both sides, at the smallest size. */
  readonly plans: readonly FamilyPlan[];
  readonly memory: SnapshotMemory | null;
  readonly ablation: { readonly requests: number; readonly absent: readonly string[]; readonly runs: readonly Ablation[] };
  readonly concurrency: { readonly requests: number; readonly levelSeconds: number; readonly levels: readonly ConcurrencyLevel[] };
  readonly loadTest: LoadTest & { readonly requests: number; readonly workers: number; readonly seconds: number };
}

export interface Comparison {
  readonly before: Summary;
  readonly after: Summary;
  /** before median / after median. */
  readonly speedup: number;
  /** 1 − after/before of the median: the spec's "reduction in query time". */
  readonly reduction: number;
}

export function compared(run: FamilyRun): Comparison {
  const before = summarize(run.before.ms, run.before.rows);
  const after = summarize(run.after.ms, run.after.rows);
  return { before, after, speedup: before.medianMs / after.medianMs, reduction: 1 - after.medianMs / before.medianMs };
}

/** A whole snapshot's time per side: all its pages, per round. */
export function snapshotTotals(run: FamilyRun): { beforeMs: number; afterMs: number } {
  const total = (ms: number[]) => ms.reduce((a, b) => a + b, 0) / run.rounds;
  return { beforeMs: total(run.before.ms), afterMs: total(run.after.ms) };
}

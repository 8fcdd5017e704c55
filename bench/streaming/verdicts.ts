/** One line per claim of the spec's section 8: met or not, with the measured figure. */
import { compared, snapshotTotals, type Results } from "./results.js";

export type Status = "met" | "not met" | "not measured";

export interface Verdict {
  readonly claim: string;
  readonly status: Status;
  readonly figure: string;
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/** A "reduction by lo–hi %" claim: met from lo up (beyond hi is better than claimed, and said so). */
function reductionVerdict(claim: string, reduction: number, lo: number, hi: number, what: string): Verdict {
  const beyond = reduction > hi ? ` (beyond the claimed ${pct(hi)})` : "";
  const change = reduction >= 0 ? `${pct(reduction)} less` : `${pct(-reduction)} more`;
  return { claim, status: reduction >= lo ? "met" : "not met", figure: `${change} ${what}${beyond}` };
}

export function verdicts(r: Results): Verdict[] {
  const largest = Math.max(...r.families.map((f) => f.requests));
  const at = (name: string) => r.families.find((f) => f.family === name && f.requests === largest)!;
  const snap = snapshotTotals(at("snapshot page"));
  const poll = compared(at("incremental poll"));
  const resolution = compared(at("delta resolution"));
  const validation = compared(at("FK batch validation"));
  const many = r.concurrency.levels.filter((l) => l.summary.workers >= 50);
  const load = r.loadTest;
  const minWorkspace = Math.min(...load.workspaces.map((w) => w.opsPerSecond));
  const failed = load.checks.filter((c) => !c.ok);
  const out: Verdict[] = [
    reductionVerdict("Snapshot generation: 60–80 % less query time", 1 - snap.afterMs / snap.beforeMs, 0.6, 0.8,
      `time for a whole snapshot of workspace 0 at ${largest} requests (${snap.beforeMs.toFixed(1)} → ${snap.afterMs.toFixed(1)} ms)`),
    reductionVerdict("Incremental streaming: 70–90 % less latency", poll.reduction, 0.7, 0.9, `median poll latency at ${largest} requests (${poll.before.medianMs.toFixed(3)} → ${poll.after.medianMs.toFixed(3)} ms)`),
    reductionVerdict("Delta resolution: 50–70 % faster", resolution.reduction, 0.5, 0.7, `median resolution time at ${largest} requests (${resolution.before.medianMs.toFixed(3)} → ${resolution.after.medianMs.toFixed(3)} ms)`),
    many.length === 0
      ? { claim: "50+ concurrent streaming clients", status: "not measured", figure: "no level of 50 workers or more in this run" }
      : {
          claim: "50+ concurrent streaming clients",
          status: many.every((l) => l.summary.errorRate < 0.01) ? "met" : "not met",
          figure: "served with under 1 % errors: " + many.map((l) => `${l.summary.workers} workers: ${Math.round(l.summary.opsPerSecond)} ops/s, p99 ${l.summary.p99Ms.toFixed(1)} ms, ${pct(l.summary.errorRate)} errors`).join("; "),
        },
    { claim: "Throughput: 1,000+ operations per second per workspace", status: minWorkspace >= 1000 ? "met" : "not met", figure: `load test, ${load.workers} workers: ${load.workspaces.map((w) => Math.round(w.opsPerSecond)).join(", ")} ops/s per workspace (lowest ${Math.round(minWorkspace)})` },
    r.memory === null
      ? { claim: "Memory efficiency: 40–60 % less memory", status: "not measured", figure: "run without node --expose-gc" }
      : reductionVerdict("Memory efficiency: 40–60 % less memory", 1 - r.memory.keysetPagesMiB / r.memory.wholeWorkspaceMiB, 0.4, 0.6,
          `peak live heap for a ${r.memory.rows}-request snapshot, keyset pages vs the whole workspace at once (${r.memory.wholeWorkspaceMiB.toFixed(2)} → ${r.memory.keysetPagesMiB.toFixed(2)} MiB; OFFSET pages ${r.memory.offsetPagesMiB.toFixed(2)} MiB)`),
    {
      claim: "Constraint validation: 90 % fewer blocking operations",
      status: "not measured",
      figure: `no "blocking operation" to count: SQLite checks foreign keys inside the writing statement, and readers never block in WAL mode. Measured instead: the validation query ${validation.speedup.toFixed(1)}× faster at ${largest} requests, and ${load.summary.busy} SQLITE_BUSY in the load test`,
    },
    { claim: "Error rates: < 1 % under normal load", status: load.summary.errorRate < 0.01 ? "met" : "not met", figure: `${pct(load.summary.errorRate)} (${load.summary.errors} of ${load.summary.operations} operations; ${load.summary.conflicts} lost optimistic-lock races, not errors)` },
    { claim: "Data consistency: 100 % referential integrity", status: failed.length === 0 ? "met" : "not met", figure: failed.length === 0 ? `all ${load.checks.length} integrity checks passed after the load test` : `failed: ${failed.map((c) => `${c.name} (${c.detail})`).join("; ")}` },
  ];
  return out;
}

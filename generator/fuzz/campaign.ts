/**
 * A fuzzing run: N seeded cases through the worker pool, outputs type-checked in batches,
 * findings counted per kind and grouped by signature, the first case of each group minimised.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { signature, type Finding, type FindingKind } from "./finding.js";
import { makeCase, type FuzzCase } from "./make-case.js";
import { minimiseProject } from "./minimise.js";
import { repoRoot } from "./paths.js";
import { Pool, type Outcome } from "./pool.js";
import { loadCorpus, type Project } from "./project.js";

export interface CampaignOptions {
  readonly cases: number;
  readonly seed: number;
  /** A case that runs longer is a hang. */
  readonly timeoutMs: number;
  readonly workers: number;
  /** No new case starts after this long: the report then covers the cases that ran. */
  readonly timeLimitMs: number;
  /** How many groups of each kind to minimise (0: none). */
  readonly minimisePerKind: number;
  /** Minimisation stops starting new groups after this long. */
  readonly minimiseBudgetMs: number;
  readonly progress?: (line: string) => void;
}

export interface Group {
  readonly finding: Finding;
  readonly signature: string;
  /** The first case that showed it. */
  readonly fuzzCase: FuzzCase;
  cases: number;
  /** The case's project shrunk while it still shows a finding of the same signature. */
  minimised: Project | null;
}

export interface CampaignReport {
  /** Cases run: fewer than requested when the time limit stopped the run. */
  readonly cases: number;
  readonly requested: number;
  readonly accepted: number;
  readonly elapsedMs: number;
  /** Cases showing each kind of finding. */
  readonly counts: ReadonlyMap<FindingKind, number>;
  readonly groups: readonly Group[];
}

const typecheckBatch = 40;
/** Budget of runs per minimisation: hangs cost a timeout each, type-checks a compiler run. */
const minimiseTests: Partial<Record<FindingKind, number>> & { default: number } = { default: 300, hang: 6, "does-not-compile": 40 };

export async function runCampaign(options: CampaignOptions): Promise<CampaignReport> {
  const started = Date.now();
  const corpus = loadCorpus(repoRoot);
  const root = mkdtempSync(join(tmpdir(), "sqlgen-fuzz-"));
  const pool = new Pool(options.workers);
  const counts = new Map<FindingKind, number>();
  const groups = new Map<string, Group>();
  const seenOutputs = new Set<string>();
  let pending: { dir: string; fuzzCase: FuzzCase }[] = [];
  let accepted = 0;
  let next = 0;

  const record = (fuzzCase: FuzzCase, findings: readonly Finding[]) => {
    // One finding per kind per case: the rest of a case's findings of that kind are usually echoes.
    const firsts = findings.filter((f, i) => findings.findIndex((g) => g.kind === f.kind) === i);
    for (const f of firsts) {
      counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
      const key = signature(f);
      const group = groups.get(key);
      if (group) group.cases++;
      else groups.set(key, { finding: f, signature: key, fuzzCase, cases: 1, minimised: null });
    }
  };
  const flushTypecheck = async () => {
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    const errors = await typecheck(pool, batch.map((b) => b.dir), options.timeoutMs);
    for (const b of batch) {
      const messages = errors === null ? ["the type-check job failed"] : errors.get(b.dir);
      if (messages) record(b.fuzzCase, [{ kind: errors === null ? "fuzzer-error" : "does-not-compile", detail: messages[0] }]);
      rmSync(b.dir, { recursive: true, force: true });
    }
  };

  try {
    const deadline = started + options.timeLimitMs;
    const loop = async () => {
      while (next < options.cases && Date.now() < deadline) {
        const fuzzCase = makeCase(corpus, options.seed, next++);
        const dir = join(root, `case-${fuzzCase.index}`);
        const job = { kind: "case", dir, project: fuzzCase.project } as const;
        const first = await pool.run(job, options.timeoutMs);
        // A hang is confirmed by a second run in a fresh worker: a loaded machine can starve one run.
        const outcome = first.kind === "timeout" ? await pool.run(job, options.timeoutMs) : first;
        record(fuzzCase, findingsOf(outcome, fuzzCase, options.timeoutMs));
        const fresh = outcome.kind === "case" && outcome.result.accepted && !seenOutputs.has(outcome.result.outputHash ?? "");
        if (outcome.kind === "case" && outcome.result.accepted) accepted++;
        if (fresh) {
          seenOutputs.add(outcome.result.outputHash ?? "");
          pending.push({ dir, fuzzCase });
        } else rmSync(dir, { recursive: true, force: true });
        if (pending.length >= typecheckBatch) await flushTypecheck();
        if (next % 500 === 0) options.progress?.(`${next} cases, ${Math.round((Date.now() - started) / 1000)} s`);
      }
    };
    await Promise.all(Array.from({ length: options.workers }, loop));
    await flushTypecheck();

    let minimiseRun = 0;
    const minimiseUntil = Date.now() + options.minimiseBudgetMs;
    const kindsMinimised = new Map<FindingKind, number>();
    for (const group of groups.values()) {
      const kind = group.finding.kind;
      if ((kindsMinimised.get(kind) ?? 0) >= options.minimisePerKind || Date.now() > minimiseUntil) continue;
      kindsMinimised.set(kind, (kindsMinimised.get(kind) ?? 0) + 1);
      options.progress?.(`minimising ${group.signature}`);
      group.minimised = await minimiseProject(
        group.fuzzCase.project,
        async (project) => {
          const dir = join(root, `min-${minimiseRun++}`);
          try {
            // Same signature, not only the same kind: shrinking must not wander off to another defect.
            return (await evaluate(pool, dir, { ...group.fuzzCase, project }, kind, options.timeoutMs)).some((f) => signature(f) === group.signature);
          } finally {
            rmSync(dir, { recursive: true, force: true });
          }
        },
        minimiseTests[kind] ?? minimiseTests.default,
      );
    }
  } finally {
    pool.close();
    rmSync(root, { recursive: true, force: true });
  }
  return { cases: next, requested: options.cases, accepted, elapsedMs: Date.now() - started, counts, groups: [...groups.values()] };
}

function findingsOf(outcome: Outcome, fuzzCase: FuzzCase, timeoutMs: number): readonly Finding[] {
  switch (outcome.kind) {
    case "case":
      return outcome.result.findings;
    case "timeout":
      return [{ kind: "hang", detail: `no answer within ${timeoutMs} ms after ${fuzzCase.mutations.join(" + ")}` }];
    case "died":
      return [{ kind: "crash", detail: outcome.why }];
    case "error":
      return [{ kind: "fuzzer-error", detail: outcome.message }];
    case "typecheck":
      return [{ kind: "fuzzer-error", detail: "a case job answered with a type-check" }];
  }
}

/** Type errors per case folder, or null when the compiler job itself failed. */
async function typecheck(pool: Pool, dirs: readonly string[], timeoutMs: number): Promise<Map<string, readonly string[]> | null> {
  // A compiler run over a batch takes far longer than one case; it is not what is being timed.
  const outcome = await pool.run({ kind: "typecheck", dirs }, timeoutMs * 30);
  return outcome.kind === "typecheck" ? new Map(outcome.errors) : null;
}

/** Every finding of one project, type-checking its output when that is what is being looked for. */
async function evaluate(pool: Pool, dir: string, fuzzCase: FuzzCase, kind: FindingKind, timeoutMs: number): Promise<readonly Finding[]> {
  const outcome = await pool.run({ kind: "case", dir, project: fuzzCase.project }, timeoutMs);
  const findings = findingsOf(outcome, fuzzCase, timeoutMs);
  if (kind !== "does-not-compile" || outcome.kind !== "case" || !outcome.result.accepted) return findings;
  const errors = (await typecheck(pool, [dir], timeoutMs))?.get(dir);
  return errors ? [...findings, { kind: "does-not-compile", detail: errors[0] }] : findings;
}

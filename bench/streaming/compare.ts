/**
 * Before vs after: every family on both databases of one size, round after round, alternating which
 * side goes first (drift on a shared machine then hits both alike); the first round warms caches
 * and is not kept. Also the index ablation: the after side with each priority index dropped in turn.
 */
import type Database from "better-sqlite3";
import { afterQueries } from "./after.js";
import { beforeQueries } from "./before.js";
import type { BenchDatabase, Side } from "./databases.js";
import { families, type FamilyName, type Samples } from "./families.js";
import type { DataSet } from "./seed.js";
import type { SideQueries } from "./side-queries.js";

export interface Effort {
  readonly rounds: number;
  readonly calls: number;
}

export interface FamilyRun {
  readonly family: FamilyName;
  readonly call: string;
  readonly requests: number;
  readonly rounds: number;
  readonly before: Samples;
  readonly after: Samples;
}

export const queriesOf = (side: Side, db: Database.Database): SideQueries => (side === "before" ? beforeQueries(db) : afterQueries(db));

/** Rounds of one family on the given sides' databases; returns the kept samples per side. */
function rounds(family: (typeof families)[number], dbs: readonly { side: Side; db: Database.Database }[], data: DataSet, effort: Effort): Record<string, Samples> {
  const out: Record<string, Samples> = Object.fromEntries(dbs.map((d) => [d.side, { ms: [], rows: [] }]));
  const qs = dbs.map((d) => ({ ...d, q: queriesOf(d.side, d.db) }));
  for (let round = 0; round <= effort.rounds; round++) {
    const order = round % 2 === 0 ? qs : [...qs].reverse();
    for (const d of order) {
      const into = round === 0 ? { ms: [], rows: [] } : out[d.side];
      family.run({ q: d.q, db: d.db, data, seed: round, calls: effort.calls }, into);
    }
  }
  return out;
}

export function compareSides(before: BenchDatabase, after: BenchDatabase, effort: Effort): FamilyRun[] {
  return families.map((family) => {
    const samples = rounds(family, [before, after], after.data, effort);
    return { family: family.name, call: family.call, requests: after.data.requests, rounds: effort.rounds, before: samples.before, after: samples.after };
  });
}

/** Section 7.1's priority indexes, in its order. */
export const priorityIndexes = ["http_workspace_streaming_idx", "http_delta_resolution_idx", "http_workspace_method_streaming_idx"] as const;

export interface Ablation {
  /** The dropped index, or null for the baseline with every index. */
  readonly dropped: string | null;
  readonly family: FamilyName;
  readonly samples: Samples;
}

/** The after side's families with all indexes, then with each priority index of schema/ dropped in turn (and recreated). */
export function ablate(after: BenchDatabase, effort: Effort): { absent: string[]; runs: Ablation[] } {
  const sqlOf = after.db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?").pluck();
  const present = priorityIndexes.filter((name) => sqlOf.get(name) !== undefined);
  const runs: Ablation[] = [];
  const measure = (dropped: string | null) => {
    for (const family of families) runs.push({ dropped, family: family.name, samples: rounds(family, [after], after.data, effort).after });
  };
  measure(null);
  for (const name of present) {
    const sql = sqlOf.get(name) as string;
    after.db.exec(`DROP INDEX ${name}`);
    try {
      measure(name);
    } finally {
      after.db.exec(sql);
    }
  }
  return { absent: priorityIndexes.filter((name) => !present.includes(name)), runs };
}

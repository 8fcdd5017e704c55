/**
 * The spec's query families, each as one round of calls on one side. A round's parameters come from
 * a PRNG seeded by the round, so before and after answer exactly the same calls.
 */
import type Database from "better-sqlite3";
import { prng, T0, type DataSet } from "./seed.js";
import type { SideQueries } from "./side-queries.js";
import { timed } from "./stats.js";

export interface Round {
  readonly q: SideQueries;
  readonly db: Database.Database;
  readonly data: DataSet;
  readonly seed: number;
  /** Calls per round of the families that are not a whole snapshot. */
  readonly calls: number;
}

export interface Samples {
  ms: number[];
  rows: number[];
}

export type FamilyName = "snapshot page" | "incremental poll" | "delta stream" | "delta resolution" | "FK batch validation" | "cascade delete";

export interface Family {
  readonly name: FamilyName;
  /** What one call is, for the report. */
  readonly call: string;
  run(round: Round, into: Samples): void;
}

const PAGE = 100;
const BATCH = 100;
const pick = <T>(xs: readonly T[], rand: () => number): T => xs[Math.floor(rand() * xs.length)];

/** `calls` calls of `fn(rand)`, each timed; `count` says how many rows a result holds. */
function repeat<T>(r: Round, into: Samples, fn: (rand: () => number) => T, count: (result: T) => number): void {
  const rand = prng(r.seed);
  for (let i = 0; i < r.calls; i++) {
    const [ms, result] = timed(() => fn(rand));
    into.ms.push(ms);
    into.rows.push(count(result));
  }
}

const length = (rows: unknown[]) => rows.length;

export const families: readonly Family[] = [
  {
    name: "snapshot page",
    call: `one page of ${PAGE} base requests; a round is a whole snapshot of workspace 0`,
    run: (r, into) => {
      const next = r.q.snapshotPager(r.data.workspaceIds[0], PAGE);
      for (;;) {
        const [ms, rows] = timed(next);
        into.ms.push(ms);
        into.rows.push(rows.length);
        if (rows.length < PAGE) return;
      }
    },
  },
  {
    name: "incremental poll",
    call: `base requests changed in a workspace after a second in the last 10 minutes, at most ${BATCH}`,
    run: (r, into) => repeat(r, into, (rand) => r.q.poll(pick(r.data.workspaceIds, rand), r.data.lastSecond - Math.floor(rand() * 600), BATCH), length),
  },
  {
    name: "delta stream",
    call: "deltas of 20 bases that have deltas",
    run: (r, into) => repeat(r, into, (rand) => r.q.deltas(Array.from({ length: 20 }, () => pick(r.data.parents[0], rand)), T0 - 1), length),
  },
  {
    name: "delta resolution",
    call: "one base with its four deltas applied as of now (the spec's query applies only one of them, the row its ORDER BY level DESC LIMIT 1 happens to pick; the generated one applies all four in order)",
    run: (r, into) => repeat(r, into, (rand) => r.q.resolve(pick(r.data.parents[Math.floor(rand() * r.data.parents.length)], rand), r.data.lastSecond + 1), (row) => (row === undefined ? 0 : 1)),
  },
  {
    name: "FK batch validation",
    call: "a workspace's requests changed in the last 5 minutes, each with its references checked",
    run: (r, into) => repeat(r, into, (rand) => r.q.validate(pick(r.data.workspaceIds, rand), r.data.lastSecond - 300), length),
  },
  {
    name: "cascade delete",
    call: "a base with its deltas (and, by ON DELETE CASCADE, their 20 children each), rolled back untimed",
    run: (r, into) => {
      const rand = prng(r.seed);
      for (let i = 0; i < r.calls; i++) {
        const w = Math.floor(rand() * r.data.parents.length);
        const id = pick(r.data.parents[w], rand);
        r.db.exec("BEGIN");
        const [ms, deleted] = timed(() => r.q.cascadeDelete(id, r.data.workspaceIds[w]));
        r.db.exec("ROLLBACK");
        into.ms.push(ms);
        into.rows.push(deleted);
      }
    },
  },
];

/**
 * Runs inside the runtime of one driver (Node 20/22/24, Bun): seeds a database, then times each
 * of the five queries as generated code and as the driver's hand-written fastest form, alternating
 * round after round, and prints the medians as JSON. Usage: runner.js <job.json>.
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { idOf, schema, seedSql, type BenchDriver, type HandForms } from "./workload.js";

export interface BenchJob {
  /** The compiled driver file (exports `driver`) and generated query module. */
  readonly driverFile: string;
  readonly generatedFile: string;
  readonly async: boolean;
  readonly rows: number;
  readonly rounds: number;
}

/** Median milliseconds per batch, per query and form. */
export type BenchResult = Record<string, { generated: number; hand: number; calls: number }>;

type Generated = Record<string, (db: unknown, params: object) => unknown>;
type Batch = () => unknown;

const job = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as BenchJob;
const { driver } = (await import(pathToFileURL(job.driverFile).href)) as { driver: BenchDriver };
const gen = (await import(pathToFileURL(job.generatedFile).href)) as Generated;
const conn = await driver.open();
await conn.exec(schema);
await conn.exec(seedSql(job.rows));
const db = conn.db;
const hand: HandForms = driver.hand(db);

const ws = Uint8Array.of(66);
const range = (n: number) => Array.from({ length: n }, (_, k) => k);
const pages = range(50).map((k) => ({ workspaceId: ws, afterUpdatedAt: 1_700_000_000 + ((k * 1999) % job.rows), afterId: idOf((k * 1999) % job.rows), pageSize: 100 }));
const polls = range(50).map((k) => ({ workspaceId: ws, since: 1_700_000_000 + job.rows - 1000 - k * 7 }));
const deltas = range(100).map((k) => ({ parentIds: range(20).map((j) => idOf((((k * 20 + j) * 5 * 7919) % job.rows) - ((((k * 20 + j) * 5 * 7919) % job.rows) % 5))) }));
const gets = range(2000).map((k) => ({ id: idOf((k * 7919) % job.rows) }));
const renames = range(1000).map((k) => ({ name: `renamed ${k}`, updatedAt: 1_800_000_000 + k, id: idOf((k * 104_729) % job.rows) }));

/** Each query's batch of calls, generated and by hand, on the same parameters. */
const batches: Record<string, { calls: number; generated: Batch; hand: Batch }> = {
  "snapshot page (100 rows)": { calls: pages.length, generated: each(pages, (p) => gen["snapshotPage"]!(db, p)), hand: each(pages, (p) => hand.snapshotPage(p.workspaceId, p.afterUpdatedAt, p.afterId, p.pageSize)) },
  "incremental poll": { calls: polls.length, generated: each(polls, (p) => gen["pollChanges"]!(db, p)), hand: each(polls, (p) => hand.pollChanges(p.workspaceId, p.since)) },
  "deltas, 20-id slice": { calls: deltas.length, generated: each(deltas, (p) => gen["deltasOf"]!(db, p)), hand: each(deltas, (p) => hand.deltasOf(p.parentIds)) },
  "get one": { calls: gets.length, generated: each(gets, (p) => gen["getHttp"]!(db, p)), hand: each(gets, (p) => hand.getHttp(p.id)) },
  "update": { calls: renames.length, generated: each(renames, (p) => gen["renameHttp"]!(db, p)), hand: each(renames, (p) => hand.renameHttp(p.name, p.updatedAt, p.id)) },
};

/** A batch over `items`: a plain loop for sync drivers, awaiting each call for async ones. */
function each<T>(items: readonly T[], call: (item: T) => unknown): Batch {
  if (!job.async) return () => { for (const item of items) call(item); };
  return async () => { for (const item of items) await call(item); };
}

async function time(batch: Batch): Promise<number> {
  const t0 = performance.now();
  const r = batch();
  if (r instanceof Promise) await r;
  return performance.now() - t0;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const result: BenchResult = {};
for (const [name, b] of Object.entries(batches)) {
  const samples = { generated: [] as number[], hand: [] as number[] };
  await time(b.generated);
  await time(b.hand);
  // Alternate which form runs first, so drift on a shared machine hits both alike.
  for (let round = 0; round < job.rounds; round++) {
    for (const form of round % 2 === 0 ? (["generated", "hand"] as const) : (["hand", "generated"] as const)) samples[form].push(await time(b[form]));
  }
  result[name] = { generated: median(samples.generated), hand: median(samples.hand), calls: b.calls };
}
await conn.close();
process.stdout.write(JSON.stringify(result));

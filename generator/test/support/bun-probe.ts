/**
 * Runs inside Bun: asks bun:sqlite (through the conformance adapter, so no Bun types are needed
 * here) about each statement of a job and prints the answers as JSON, in order: `rows` runs a
 * query and gives its rows as arrays, `prepare` only prepares, `exec` runs a script.
 * Usage: bun bun-probe.js <adapter.js> <job.json>, where the job is a ProbeStep[].
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

export interface ProbeStep {
  readonly kind: "rows" | "prepare" | "exec";
  readonly sql: string;
}
export type ProbeAnswer = { rows: unknown[][] } | { ok: true } | { error: string };

interface BunDb {
  prepare(sql: string): { values(): unknown[][] };
}
interface Adapter {
  open(): Promise<{ db: unknown; exec(sql: string): void }>;
}

const [adapterPath, jobPath] = process.argv.slice(2) as [string, string];
const { open } = (await import(pathToFileURL(adapterPath).href)) as Adapter;
const conn = await open();
const db = conn.db as BunDb;

function answer(step: ProbeStep): ProbeAnswer {
  try {
    if (step.kind === "exec") conn.exec(step.sql);
    else if (step.kind === "prepare") db.prepare(step.sql);
    else return { rows: db.prepare(step.sql).values() };
    return { ok: true };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

const steps = JSON.parse(readFileSync(jobPath, "utf8")) as ProbeStep[];
process.stdout.write(JSON.stringify(steps.map(answer)));

/**
 * One conformance suite for every driver: each successful golden case's generated functions run
 * on each driver and runtime in suite.ts, on the same seeded data, in the same order, and every
 * result (rows, order, types, nulls, changes, last ids, slices) and every error class must equal
 * better-sqlite3's. See README.md beside this file.
 */
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { transformSync } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { typecheck } from "../support/typecheck.js";
import { compileCases, planCases, type PlannedCase } from "./plan.js";
import type { CaseJob, Job, JobResult, Outcome } from "./protocol.js";
import { runtimeBinary, type Runtime } from "./runtimes.js";
import { reference, suite, type SuiteDriver } from "./suite.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const work = fileURLToPath(new URL("../../../.conformance/", import.meta.url));

/** The runner and the adapters, compiled once; the adapters import their driver from the repo's node_modules. */
function compileHarness(): string {
  const out = join(work, "harness");
  mkdirSync(join(out, "adapters"), { recursive: true });
  const files = ["runner.ts", "values.ts", "protocol.ts", ...suite.map((s) => `adapters/${s.adapter}`)];
  for (const f of files) writeFileSync(join(out, f.replace(/\.ts$/, ".js")), transformSync(readFileSync(join(here, f), "utf8"), { loader: "ts", format: "esm", target: "es2022" }).code);
  return out;
}

const slug = (s: SuiteDriver) => s.driver.replace(/[^\w-]/g, "_");

async function runJob(s: SuiteDriver, runtime: Runtime, harness: string, cases: readonly CaseJob[]): Promise<JobResult> {
  const job: Job = { adapter: join(harness, "adapters", s.adapter.replace(/\.ts$/, ".js")), cases };
  const jobFile = join(work, `${slug(s)}-${runtime}.json`);
  writeFileSync(jobFile, JSON.stringify(job));
  const { stdout } = await promisify(execFile)(runtimeBinary(runtime), [join(harness, "runner.js"), jobFile], { maxBuffer: 64 << 20, timeout: 300_000 });
  return JSON.parse(stdout) as JobResult;
}

/**
 * Messages differ between drivers; what must agree is the result or the class of error. Values
 * of volatile cases (the clock) are compared by type.
 */
function comparable(outcomes: JobResult[string], volatile: boolean): unknown {
  if (!Array.isArray(outcomes)) return outcomes;
  return outcomes.map((o: Outcome) => ("ok" in o ? (volatile ? JSON.parse(JSON.stringify(o), (_, v: unknown) => (typeof v === "number" || typeof v === "string" ? typeof v : v)) : o) : { error: o.error }));
}

let planned: PlannedCase[] = [];
let harness = "";
let expected: JobResult = {};

beforeAll(async () => {
  planned = await planCases();
  harness = compileHarness();
  expected = await runJob(reference, "node20", harness, await compileCases(planned, reference.driver, join(work, slug(reference))));
}, 600_000);

it("the reference run is meaningful: every case set up, most calls returned", () => {
  expect(planned.length).toBeGreaterThan(50);
  const outcomes = Object.values(expected);
  expect(outcomes.filter((o) => !Array.isArray(o))).toEqual([]);
  const flat = outcomes.flat() as Outcome[];
  expect(flat.filter((o) => "ok" in o).length).toBeGreaterThan(flat.length * 0.8);
});

describe.each(suite.filter((s) => s !== reference))("$driver", (s) => {
  let jobs: CaseJob[] = [];
  beforeAll(async () => {
    jobs = await compileCases(planned, s.driver, join(work, slug(s)), Object.keys(s.refusedCases ?? {}));
  }, 600_000);

  it("accepts the driver's own connection type without a cast", () => {
    const fit = join(jobs[0]!.dir, "connection-fits.ts");
    writeFileSync(fit, `${s.connectionType}\nimport type { Database } from "./db.js";\nexport const fits = (c: Connection): Database => c;\n`);
    expect(typecheck([fit])).toEqual([]);
  });

  it.each(s.runtimes)("returns on %s what better-sqlite3 returns", async (runtime) => {
    const actual = await runJob(s, runtime, harness, jobs);
    for (const c of planned.filter((p) => s.refusedCases?.[p.name] === undefined)) expect(comparable(actual[c.name], c.volatile), `${s.driver} on ${runtime}, case ${c.name}`).toEqual(comparable(expected[c.name], c.volatile));
  }, 600_000);
});

it("the reference's connection type fits its own output", async () => {
  const dir = join(work, slug(reference), planned[0]!.name);
  const fit = join(dir, "connection-fits.ts");
  writeFileSync(fit, `${reference.connectionType}\nimport type { Database } from "./db.js";\nexport const fits = (c: Connection): Database => c;\n`);
  expect(typecheck([fit])).toEqual([]);
});

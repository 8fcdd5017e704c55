/**
 * `npm run bench:streaming [-- --quick] [-- --out <dir>]`: the spec's benchmarks before and after,
 * the index ablation, the concurrency curve and the load test with its integrity checks. Writes
 * streaming.json (every sample), streaming.md and SVG plots; exits 1 when an integrity check failed
 * (after writing them, so that the report shows which).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { streamingPragmas } from "../../examples/data-layer/connection.js";
import { ablate, compareSides, type FamilyRun } from "./compare.js";
import { concurrencyCurve } from "./concurrency.js";
import { createBenchDatabase, sides, type BenchDatabase } from "./databases.js";
import { loadTest } from "./load-test.js";
import { machine } from "./machine.js";
import { snapshotMemory } from "./memory.js";
import { parseOptions } from "./options.js";
import { familyPlans, type FamilyPlan } from "./plans.js";
import { writeOutputs } from "./outputs.js";
import type { Results } from "./results.js";
import { childTables } from "./seed.js";

const options = parseOptions(process.argv.slice(2));
const log = (line: string) => process.stdout.write(`${line}\n`);
const started = new Date();
const host = machine();
log(`bench:streaming${options.quick ? " --quick" : ""}: ${host.cores} cores, load average ${host.loadAverageAtStart.toFixed(2)}`);
const dir = mkdtempSync(join(tmpdir(), "bench-streaming-"));

try {
  const seeding: Results["seeding"][number][] = [];
  const families: FamilyRun[] = [];
  const plans: FamilyPlan[] = [];
  const keep = new Map<number, BenchDatabase>(); // after databases used later
  let memory: Results["memory"] = null;
  let ablation: Results["ablation"] | undefined;
  const largest = Math.max(...options.sizes);
  for (const requests of options.sizes) {
    const [before, after] = sides.map((side) => createBenchDatabase(dir, side, requests));
    for (const d of [before, after]) {
      const rows = Object.fromEntries(["http", ...childTables, ...(d.side === "after" ? ["change_log"] : [])].map((t) => [t, d.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]));
      seeding.push({ requests, side: d.side, ms: Math.round(d.seedMs), rows });
      log(`  seeded ${d.side} with ${requests} requests in ${(d.seedMs / 1000).toFixed(1)} s`);
    }
    families.push(...compareSides(before, after, options.effort(requests)));
    log(`  compared before and after at ${requests} requests`);
    if (requests === Math.min(...options.sizes)) plans.push(...familyPlans(before, dir), ...familyPlans(after, dir));
    if (requests === largest) {
      memory = snapshotMemory(before, after);
      ablation = { requests, ...ablate(after, options.ablation) };
      log(`  index ablation at ${requests} requests done`);
    }
    before.db.close();
    rmSync(before.path, { force: true });
    after.db.close();
    if (requests === largest || requests === options.load.requests) keep.set(requests, after);
    else rmSync(after.path, { force: true });
  }

  const big = keep.get(largest)!;
  log(`concurrency on ${largest} requests (${options.levels.join(", ")} workers, ${options.levelMs / 1000} s each):`);
  const levels = await concurrencyCurve(options.levels, { path: big.path, requests: largest, lastSecond: big.data.lastSecond, durationMs: options.levelMs }, log);

  const loadDb = keep.get(options.load.requests);
  if (loadDb === undefined) throw new Error(`the load test's size (${options.load.requests}) is not among the sizes`);
  log(`load test: ${options.load.workers} workers × ${options.load.durationMs / 1000} s on ${options.load.requests} requests`);
  const load = await loadTest(loadDb.path, loadDb.data, options.load.workers, options.load.durationMs);

  const results: Results = {
    quick: options.quick,
    startedAt: started.toISOString(),
    durationSeconds: Math.round((Date.now() - started.getTime()) / 1000),
    machine: host,
    loadAverageAtEnd: loadavg()[0],
    pragmas: streamingPragmas({}),
    seeding,
    families,
    plans,
    memory,
    ablation: ablation!,
    concurrency: { requests: largest, levelSeconds: options.levelMs / 1000, levels },
    loadTest: { ...load, requests: options.load.requests, workers: options.load.workers, seconds: options.load.durationMs / 1000 },
  };
  log(`wrote ${writeOutputs(results, options.out).join(", ")} to ${options.out}`);
  const failed = load.checks.filter((c) => !c.ok);
  for (const c of load.checks) log(`  ${c.ok ? "ok    " : "FAILED"} ${c.name}: ${c.detail}`);
  if (failed.length > 0) {
    process.stderr.write(`integrity checks failed: ${failed.map((c) => c.name).join(", ")}\n`);
    process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * `npm run bench:drivers` (part of `npm run bench`): per driver, generated calls against the same
 * driver used by hand in its fastest form on the five hot queries of workload.ts, and one table of
 * all drivers side by side. Each driver runs in its own runtime (runtimes of the conformance suite).
 */
import { execFile } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { transformSync } from "esbuild";
import { generate } from "../../pipeline/generate.js";
import { drivers, type Driver } from "../../targets/drivers.js";
import { runtimeBinary, type Runtime } from "../../test/conformance/runtimes.js";
import type { BenchJob, BenchResult } from "./runner.js";
import { queries, schema } from "./workload.js";

/** The drivers benchmarked, the file of generator/bench/drivers/ with their hand-written forms, and where they run. */
const benched: readonly { driver: Driver; file: string; runtime: Runtime }[] = [
  { driver: "better-sqlite3", file: "better-sqlite3.js", runtime: "node20" },
  { driver: "libsql", file: "libsql.js", runtime: "node20" },
  { driver: "@libsql/client", file: "libsql-client.js", runtime: "node20" },
];

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const here = fileURLToPath(new URL(".", import.meta.url));
const work = fileURLToPath(new URL("../../../../.bench/", import.meta.url));

async function generatedModule(driver: Driver): Promise<string> {
  const result = await generate({ schema: [{ path: "schema.sql", text: schema }], queries: [{ path: "http.sql", text: queries }], options: { driver } });
  if (result.files === null) throw new Error(`generating the workload for ${driver} failed: ${result.diagnostics.map((d) => d.message).join("; ")}`);
  const dir = join(work, driver.replace(/[^\w-]/g, "_"));
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of result.files) writeFileSync(join(dir, file.replace(/\.ts$/, ".js")), transformSync(text, { loader: "ts", format: "esm", target: "es2022" }).code);
  return join(dir, "http.js");
}

const results: Record<string, BenchResult> = {};
for (const b of benched) {
  const job: BenchJob = { driverFile: join(here, b.file), generatedFile: await generatedModule(b.driver), async: drivers[b.driver].async, rows: ROWS, rounds: ROUNDS };
  const jobFile = join(work, `${b.driver.replace(/[^\w-]/g, "_")}.json`);
  writeFileSync(jobFile, JSON.stringify(job));
  const { stdout } = await promisify(execFile)(runtimeBinary(b.runtime), [join(here, "runner.js"), jobFile], { maxBuffer: 16 << 20 });
  results[b.driver] = JSON.parse(stdout) as BenchResult;
}

console.log(`\nsqlgen drivers bench: ${ROWS} rows, median of ${ROUNDS} alternating rounds; ratio = hand-written time / generated time (goal ≥ 0.95)`);
for (const [driver, r] of Object.entries(results)) {
  console.log(`\n${driver}`);
  for (const [query, m] of Object.entries(r)) console.log(`  ${query.padEnd(26)} generated ${m.generated.toFixed(2).padStart(8)} ms   hand ${m.hand.toFixed(2).padStart(8)} ms   ratio ${(m.hand / m.generated).toFixed(3)}`);
}
const names = Object.keys(Object.values(results)[0] ?? {});
console.log(`\nGenerated calls per second, by driver (higher is faster)`);
console.log(`  ${"driver".padEnd(16)}${names.map((n) => n.padStart(26)).join("")}`);
for (const [driver, r] of Object.entries(results)) console.log(`  ${driver.padEnd(16)}${names.map((n) => String(Math.round((r[n]!.calls / r[n]!.generated) * 1000)).padStart(26)).join("")}`);

/**
 * `npm run bench:cold`: how long a cold `gen` takes (a new Node process each run, as `npx gen`
 * is), on this repository's schema and queries and on synthetic projects, and where the time of
 * one cold run goes. Prints medians; not a test: numbers vary by machine and load.
 *
 *   BENCH_RUNS=5 BENCH_SIZES=100,1000 npm run bench:cold
 */
import { defaultDriver, drivers } from "../targets/drivers.js";
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeSyntheticProject } from "./synthetic-project.js";
import { watchEditTimes } from "./watch-edit.js";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SIZES = (process.env.BENCH_SIZES ?? "1000").split(",").map(Number);
const repo = fileURLToPath(new URL("../../../", import.meta.url));
const cli = join(repo, "generator", "dist", "cli", "main.js");
const self = fileURLToPath(import.meta.url);

/** Issue 10's goals, printed next to the figures. */
const goals = { repo: "< 500 ms", synthetic1000: "< 2000 ms", edit: "< 100 ms" };

if (process.argv[2] === "--phases") await phases(process.argv[3]);
else await main();

async function main(): Promise<void> {
  const projects: [string, string, string | null][] = [["this repository", copyOfRepo(), goals.repo]];
  for (const n of SIZES) {
    const dir = mkdtempSync(join(tmpdir(), `sqlgen-bench-${n}-`));
    writeSyntheticProject(dir, 30, n);
    projects.push([`synthetic ${n} queries / 30 tables`, dir, n === 1000 ? goals.synthetic1000 : null]);
  }
  console.log(`cold runs: median of ${RUNS}, wall time of a new \`node ${relativeCli()} <command>\` process\n`);
  for (const [name, dir, goal] of projects) {
    // Cold: nothing kept from an earlier run (--no-cache), as in CI or after any edit of the input.
    // The commands take turns, so that a spell of load from elsewhere falls on all of them alike.
    const [gen, check, describe] = interleaved([[], ["check"], ["describe", "--json"]].map((args) => () => spawnSync(process.execPath, [cli, ...args, "--no-cache"], { cwd: dir, maxBuffer: 1 << 28 }))).map(median);
    const goalNote = goal === null ? "" : ` (goal ${goal})`;
    console.log(`${name}: gen ${ms(gen)}${goalNote}, gen check ${ms(check)} (goal: no slower than gen, ${(check / gen).toFixed(2)}×), gen describe ${ms(describe)}`);
    // The input of the last run again (a build step that runs gen every time): the kept result.
    mkdirSync(join(dir, "node_modules"), { recursive: true });
    spawnSync(process.execPath, [cli], { cwd: dir });
    const kept = median(times(() => spawnSync(process.execPath, [cli], { cwd: dir })));
    console.log(`  gen with the input of the last run (kept result in node_modules/.cache/sqlgen): ${ms(kept)}`);
    const watch = await watchEditTimes(cli, dir, RUNS * 2);
    console.log(`  watch: one-query edit ${ms(median([...watch.edits]))} (goal ${goals.edit}; median of ${watch.edits.length} runs as \`gen watch\` reports them, first run ${ms(watch.first)})`);
    const split = spawnSync(process.execPath, [self, "--phases", dir], { encoding: "utf8" });
    console.log(split.stdout.replace(/^/gm, "  "));
  }
}

/** One cold run, split: loading the pipeline, the first and a second analysis, loading and running emit. */
async function phases(dir: string): Promise<void> {
  // As the CLI does for a one-shot run.
  (await import("../cli/v8-flags.js")).tuneV8(["generate"]);
  const t0 = performance.now();
  const { generate } = await import("../pipeline/generate.js");
  const { GenerateSession } = await import("../pipeline/incremental.js");
  const { readProject } = await import("../cli/read-project.js");
  const { resolveOptions } = await import("../config/options.js");
  const { DiagnosticBag } = await import("../diagnostics/diagnostic.js");
  const t1 = performance.now();
  const input = readProject(resolveOptions(dir, {}), new DiagnosticBag());
  const first = await generate({ ...input, options: { ...input.options, emit: false } });
  const t2 = performance.now();
  await generate({ ...input, options: { ...input.options, emit: false } });
  const t3 = performance.now();
  const session = new GenerateSession();
  await session.update({ ...input, options: { ...input.options, emit: false } });
  const [edited, ...rest] = input.queries;
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await session.update({ ...input, queries: [{ ...edited, text: `${edited.text}\n-- edit ${i}\n` }, ...rest], options: { ...input.options, emit: false } });
    times.push(performance.now() - t);
  }
  session.close();
  // Emit is already loaded with the pipeline (a static import); this is what is left of loading it.
  const t3b = performance.now();
  const { emitProgram } = await import("../emit/emit-program.js");
  const t4 = performance.now();
  emitProgram(first.program, drivers[defaultDriver]);
  const t5 = performance.now();
  const rows: [string, number][] = [
    ["load pipeline modules (parser, sqlite-wasm JS)", t1 - t0],
    ["read files + first analysis (WASM start, parse, SQLite prepare, inference)", t2 - t1],
    ["second analysis, same process (warm, everything again)", t3 - t2],
    ["session update after a one-query-file edit, analysis only (what the language server pays)", median(times)],
    ["load emit (the text printer)", t4 - t3b],
    ["emit (printing)", t5 - t4],
  ];
  for (const [what, t] of rows) console.log(`${ms(t).padStart(8)}  ${what}`);
  console.log(`${(process.resourceUsage().maxRSS / 1024).toFixed(0).padStart(5)} MB  peak resident memory`);
}

function copyOfRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), "sqlgen-bench-repo-"));
  for (const d of ["schema", "queries", "generated"]) cpSync(join(repo, d), join(dir, d), { recursive: true });
  return dir;
}

type Run = () => { readonly status: number | null };

function times(run: Run): number[] {
  return interleaved([run])[0];
}

/** RUNS rounds of every run in turn; the times of each run. */
function interleaved(runs: readonly Run[]): number[][] {
  const out = runs.map((): number[] => []);
  for (let i = 0; i < RUNS; i++) {
    runs.forEach((run, k) => {
      const t = performance.now();
      const r = run();
      out[k].push(performance.now() - t);
      if (r.status !== 0) throw new Error(`a benchmarked run failed with exit code ${r.status}`);
    });
  }
  return out;
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

function ms(t: number): string {
  return `${Math.round(t)} ms`;
}

function relativeCli(): string {
  return cli.slice(repo.length);
}

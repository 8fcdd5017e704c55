/**
 * `gen watch`: regenerate whenever a schema or query file changes, until stopped. Each run prints
 * one timestamped summary line, preceded only by diagnostics that are new or changed since the
 * run before; a burst of events whose files read the same as last time runs nothing.
 */
import { resolve } from "node:path";
import type { Options } from "../config/options.js";
import { DiagnosticBag } from "../diagnostics/diagnostic.js";
import { writeOutput } from "../output/write-output.js";
import { generate } from "../pipeline/generate.js";
import { readProject } from "./read-project.js";
import { plural, renderDiagnostic, summary } from "./render.js";
import type { Io } from "./run.js";
import { watchFolders } from "./watch-folders.js";

const DEBOUNCE_MS = 80;

export async function watchProject(options: Options, io: Io): Promise<number> {
  let lastInputs: string | undefined;
  let lastShown = new Set<string>();
  await watchAndRun(options.cwd, [...options.schema, ...options.queries], async () => {
    const started = performance.now();
    const reading = new DiagnosticBag();
    const input = readProject(options, reading);
    const files = [...input.schema, ...input.queries];
    const inputs = JSON.stringify(files.map((f) => [f.path, f.text]));
    if (inputs === lastInputs) return;
    lastInputs = inputs;
    const sources = new Map(files.map((f) => [f.path, f]));
    let outcome: string;
    let shown: Set<string>;
    try {
      const result = await generate({ ...input, options: { ...input.options, emit: !reading.hasErrors } });
      const diagnostics = [...reading.all, ...result.diagnostics];
      shown = new Set(diagnostics.map((d) => renderDiagnostic(d, sources)));
      if (result.files === null) outcome = `${summary(diagnostics)}; ${options.out}/ left untouched`;
      else {
        writeOutput(resolve(options.cwd, options.out), result.files);
        const queries = result.program.modules.reduce((n, m) => n + m.queries.length, 0);
        outcome = `${plural(queries, "query")} in ${plural(result.program.modules.length, "file")} → ${options.out}/ (${summary(diagnostics)})`;
      }
    } catch (e) {
      // A bug in one run must not end the session: the next save tries again.
      shown = new Set([`sqlgen: error: ${(e as Error).stack ?? String(e)}`]);
      outcome = "failed";
    }
    io.stderr(changes(lastShown, shown, outcome, performance.now() - started));
    lastShown = shown;
  }, io.signal ?? new AbortController().signal);
  return 0;
}

/** The diagnostics not shown last run, then the one-line summary. */
function changes(before: ReadonlySet<string>, now: ReadonlySet<string>, outcome: string, ms: number): string {
  const fresh = [...now].filter((d) => !before.has(d));
  const fixed = [...before].filter((d) => !now.has(d)).length;
  const delta = [fresh.length > 0 ? `${fresh.length} new` : "", fixed > 0 ? `${fixed} gone` : ""].filter((s) => s !== "").join(", ");
  const line = `[${new Date().toISOString().slice(11, 19)}] gen: ${outcome}${delta === "" ? "" : ` [${delta}]`} in ${Math.round(ms)} ms\n`;
  return fresh.map((d) => `${d}\n\n`).join("") + line;
}

/**
 * Calls `runOnce` now and after each burst of changes below `roots`; resolves when `signal`
 * aborts. Runs never overlap: a change during a run schedules one more run after it.
 */
export async function watchAndRun(cwd: string, roots: readonly string[], runOnce: () => Promise<void>, signal: AbortSignal): Promise<void> {
  let running = false;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  const trigger = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    do {
      again = false;
      await runOnce();
    } while (again && !signal.aborted);
    running = false;
  };
  const folders = watchFolders(cwd, roots, () => {
    clearTimeout(timer);
    timer = setTimeout(() => void trigger(), DEBOUNCE_MS);
  });
  await trigger();
  if (!signal.aborted) await new Promise<void>((done) => signal.addEventListener("abort", () => done(), { once: true }));
  clearTimeout(timer);
  folders.close();
}

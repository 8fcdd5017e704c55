/**
 * `gen watch`: regenerate whenever a schema or query file changes, until stopped. Each run goes
 * through the same `generateOnce` as `gen` (strict mode, formats and safe output included) and
 * prints one timestamped summary line, preceded only by diagnostics that are new or changed since
 * the run before; a burst of events whose files read the same as last time runs nothing. One
 * generate session lives as long as the watch: a run re-analyses only the files that changed.
 */
import type { Options } from "../config/options.js";
import { GenerateSession } from "../pipeline/incremental.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../source/source-file.js";
import { generateOnce, readInputs, type RunContext } from "./generate-once.js";
import { Reporter } from "./reporter.js";
import { watchFolders } from "./watch-folders.js";

const DEBOUNCE_MS = 80;

export async function watchProject(options: Options, context: RunContext): Promise<void> {
  let lastInputs: string | undefined;
  const reporter = new WatchReporter(context.reporter);
  const session = new GenerateSession();
  try {
    await watchAndRun(options.cwd, [...options.schema, ...options.queries], async () => {
      const started = performance.now();
      const read = readInputs(options);
      const inputs = JSON.stringify([...read.input.schema, ...read.input.queries].map((f) => [f.path, f.text]));
      if (inputs === lastInputs) return;
      lastInputs = inputs;
      try {
        await generateOnce(options, "generate", { ...context, reporter }, read, (input) => session.update(input));
      } catch (e) {
        // A bug in one run must not end the session: the next save tries again.
        reporter.status(`${context.rerun.command}: failed: ${(e as Error).stack ?? String(e)}`);
      }
      reporter.endRun(performance.now() - started);
    }, context.io.signal ?? new AbortController().signal);
  } finally {
    session.close();
  }
}

/** Passes on only diagnostics not shown in the run before, and ends each run with one timestamped line. */
class WatchReporter extends Reporter {
  private shown = new Set<string>();
  private current = new Set<string>();
  private line = "";

  constructor(private readonly inner: Reporter) {
    super(inner.format, inner.io, []);
  }

  override diagnostic(d: Diagnostic, sources?: ReadonlyMap<string, SourceFile>): void {
    const key = JSON.stringify([d.code, d.file, d.span, d.message]);
    this.current.add(key);
    if (!this.shown.has(key)) this.inner.diagnostic(d, sources);
  }

  override status(line: string): void {
    this.line = line;
  }

  endRun(ms: number): void {
    const fresh = [...this.current].filter((k) => !this.shown.has(k)).length;
    const gone = [...this.shown].filter((k) => !this.current.has(k)).length;
    const delta = [fresh > 0 ? `${fresh} new` : "", gone > 0 ? `${gone} gone` : ""].filter((s) => s !== "").join(", ");
    this.inner.status(`[${new Date().toISOString().slice(11, 19)}] ${this.line}${delta === "" ? "" : ` [${delta}]`} in ${Math.round(ms)} ms`);
    [this.shown, this.current] = [this.current, new Set()];
  }
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

/** `gen watch`: regenerate whenever a schema or query file changes, until stopped. */
import { existsSync, watch, type FSWatcher } from "node:fs";
import { resolve } from "node:path";
import { isDirectory } from "../config/options.js";

const DEBOUNCE_MS = 80;

/**
 * Calls `runOnce` now and after each burst of changes below `paths`; resolves when `signal`
 * aborts. Runs never overlap: a change during a run schedules one more run after it.
 */
export async function watchAndRun(cwd: string, paths: readonly string[], runOnce: () => Promise<void>, signal: AbortSignal): Promise<void> {
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
  const watchers: FSWatcher[] = paths.filter((p) => existsSync(resolve(cwd, p))).map((p) =>
    watch(resolve(cwd, p), { recursive: isDirectory(resolve(cwd, p)) }, (_event, file) => {
      if (file !== null && !String(file).endsWith(".sql")) return;
      clearTimeout(timer);
      timer = setTimeout(() => void trigger(), DEBOUNCE_MS);
    }),
  );
  await trigger();
  await new Promise<void>((done) => signal.addEventListener("abort", () => done(), { once: true }));
  clearTimeout(timer);
  for (const w of watchers) w.close();
}

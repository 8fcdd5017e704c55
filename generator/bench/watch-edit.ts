/**
 * For `npm run bench:cold`: what `gen watch` takes to regenerate after one query file is edited,
 * as the watch itself reports each run ("… in N ms": read the files, analyse what changed, emit,
 * write), on a real project with real file events. The debounce pause before a run is not counted.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface WatchTimes {
  /** The watch's first run: everything analysed, in a process that has just started. */
  readonly first: number;
  /** Each run after an edit of one query file. */
  readonly edits: readonly number[];
}

export async function watchEditTimes(cli: string, dir: string, edits: number): Promise<WatchTimes> {
  const child = spawn(process.execPath, [cli, "watch"], { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const runs = () => [...stderr.matchAll(/^\[\d\d:\d\d:\d\d\] .* in (\d+) ms$/gm)].map((m) => Number(m[1]));
  const file = join(dir, "queries", readdirSync(join(dir, "queries")).filter((f) => f.endsWith(".sql")).sort()[0]);
  const original = readFileSync(file, "utf8");
  try {
    await until(() => runs().length >= 1, () => stderr);
    for (let i = 1; i <= edits; i++) {
      // A changed text, as an editor's save makes it: the file is analysed again in full.
      writeFileSync(file, `${original}\n-- edit ${i}\n`);
      await until(() => runs().length > i, () => stderr);
    }
  } finally {
    child.kill();
    writeFileSync(file, original);
  }
  const [first, ...rest] = runs();
  // Every run must have written the output: a timing of a failed run means nothing.
  if (stderr.split("\n").some((l) => l !== "" && !/ → .* \(0 errors/.test(l))) throw new Error(`gen watch reported a problem:\n${stderr}`);
  return { first, edits: rest };
}

async function until(test: () => boolean, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`gen watch did not report a run in time:\n${output()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

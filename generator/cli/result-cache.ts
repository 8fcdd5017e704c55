/**
 * The last result of `gen`, `gen check` and `gen describe`, kept per output folder in the
 * project's node_modules/.cache/sqlgen/. `generate()` is a pure function of its input, so a run
 * whose input (every schema and query file's path and text, every option) and build of sqlgen
 * are those of the kept result takes that result and does not start SQLite: the output is the
 * same byte for byte, and the files are still written or compared as usual. Best effort: a cache
 * that cannot be read or written is a miss, never an error. `--no-cache` turns it off.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { GenerateInput, GenerateResult } from "../pipeline/generate.js";

interface Stored {
  readonly key: string;
  readonly result: Omit<GenerateResult, "files"> & { readonly files: [string, string][] | null };
}

/** `run` wrapped: the kept result when the input and build match, else `run`'s, kept for next time. */
export function cachedRun(cwd: string, out: string, buildId: string, run: (input: GenerateInput) => Promise<GenerateResult>) {
  const nodeModules = join(cwd, "node_modules");
  const file = join(nodeModules, ".cache", "sqlgen", `${hash(out).slice(0, 16)}.json`);
  return async (input: GenerateInput): Promise<GenerateResult> => {
    const key = hash(JSON.stringify([buildId, input]));
    const kept = read(file);
    if (kept?.key === key) return { ...kept.result, files: kept.result.files === null ? null : new Map(kept.result.files) };
    const result = await run(input);
    // No node_modules: a folder that is not an npm project gets no cache folder.
    if (existsSync(nodeModules)) write(file, { key, result: { ...result, files: result.files === null ? null : [...result.files] } });
    return result;
  };
}

/**
 * What identifies the running build of sqlgen: its bundled entry file, which names every chunk it
 * loads by the chunk's content hash. Null when sqlgen does not run from a bundle (a `tsc`-only
 * build, tests): such a build keeps no results.
 */
export function bundleBuildId(entry: string): string | null {
  try {
    const text = readFileSync(fileURLToPath(entry), "utf8");
    return /["']\.\.\/gen\/chunk-[\w-]+\.js["']/.test(text) ? hash(text) : null;
  } catch {
    return null;
  }
}

function read(file: string): Stored | null {
  try {
    const stored = JSON.parse(readFileSync(file, "utf8")) as Stored;
    return typeof stored.key === "string" && typeof stored.result === "object" ? stored : null;
  } catch {
    return null;
  }
}

function write(file: string, stored: Stored): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    // Written aside, then renamed over: a run stopped half-way leaves the old result or none.
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(stored));
    renameSync(temp, file);
  } catch {
    // The cache is an optimisation: a read-only node_modules just means no cache.
  }
}

function hash(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

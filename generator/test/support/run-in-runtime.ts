/**
 * Runs TypeScript in another JavaScript runtime (Node 22/24 from conformance/runtimes.ts): each
 * file compiled on its own by esbuild (imports already name ./x.js), into a fresh folder marked as
 * ESM, then the entry run by the runtime's binary.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { transform } from "esbuild";
import { runtimeBinary, type Runtime } from "../conformance/runtimes.js";

/** Compiles `files` (paths of .ts files) into a new folder; returns it. */
export async function compiled(files: readonly string[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "sqlgen-compiled-"));
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
  for (const f of files) {
    const { code } = await transform(readFileSync(f, "utf8"), { loader: "ts", format: "esm", target: "es2022", sourcefile: f });
    writeFileSync(join(dir, basename(f).replace(/\.ts$/, ".js")), code);
  }
  return dir;
}

export interface Ran {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `script` with `args` in `runtime`, waiting for it to end. */
export function runIn(runtime: Runtime, script: string, args: readonly string[], flags: readonly string[] = []): Ran {
  const r = spawnSync(runtimeBinary(runtime), [...flags, script, ...args], { encoding: "utf8", timeout: 60_000 });
  if (r.error !== undefined) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

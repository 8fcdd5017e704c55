/**
 * Running test code inside Bun: TypeScript files compiled to JavaScript side by side in a temp
 * folder (imports between them keep working), then run with the Bun that runtimes.ts installs.
 * Bun that cannot be installed or started fails the calling test.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { promisify } from "node:util";
import { transformSync } from "esbuild";
import { runtimeBinary } from "../conformance/runtimes.js";

/** Compiles `from` (a .ts file) to `to` (a .js file). */
export function compileTs(from: string, to: string): void {
  writeFileSync(to, transformSync(readFileSync(from, "utf8"), { loader: "ts", format: "esm", target: "es2022" }).code);
}

/** The files compiled into a fresh temp folder, each under its own name with .js; returns their paths. */
export function compileForBun(files: readonly string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), "sqlgen-bun-"));
  return files.map((f) => {
    const to = join(dir, basename(f).replace(/\.ts$/, ".js"));
    compileTs(f, to);
    return to;
  });
}

/** Runs a compiled script in Bun and gives what it printed, parsed as JSON. */
export async function runInBun(script: string, args: readonly string[]): Promise<unknown> {
  const { stdout } = await promisify(execFile)(runtimeBinary("bun"), [script, ...args], { maxBuffer: 64 << 20, timeout: 120_000 });
  return JSON.parse(stdout) as unknown;
}

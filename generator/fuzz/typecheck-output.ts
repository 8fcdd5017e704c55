/** Type-checks many outputs in one compiler run (the slow part, so it is batched). */
import { join } from "node:path";
import { typecheck } from "../test/support/typecheck.js";
import { outDir } from "./generator-adapter.js";
import { listFiles, sentinelName } from "./oracle-run.js";

/** Errors per case folder; folders without errors are absent. */
export function typecheckOutputs(dirs: readonly string[]): Map<string, string[]> {
  const roots = dirs.flatMap((d) => listFiles(join(d, outDir)).filter((f) => f !== sentinelName && f.endsWith(".ts")).map((f) => join(d, outDir, f)));
  const errors = new Map<string, string[]>();
  for (const message of typecheck(roots)) {
    const dir = dirs.find((d) => message.startsWith(join(d, outDir) + "/"));
    const key = dir ?? "";
    errors.set(key, [...(errors.get(key) ?? []), dir === undefined ? message : message.slice(join(dir, outDir).length + 1)]);
  }
  return errors;
}

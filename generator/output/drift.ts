/** `gen check`: what differs between the output folder on disk and what `gen` would write, as unified diffs. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createTwoFilesPatch } from "diff";
import type { OutputFiles } from "../emit/emit-program.js";
import { staleFiles } from "./write-output.js";

export interface Drift {
  /** The file as the user sees it: `<out>/<name>`. */
  readonly file: string;
  readonly patch: string;
}

export function drift(outDir: string, outLabel: string, files: OutputFiles): Drift[] {
  const changes: Drift[] = [];
  for (const [name, expected] of files) {
    const path = join(outDir, name);
    const actual = existsSync(path) ? readFileSync(path, "utf8") : "";
    const file = `${outLabel}/${name}`;
    if (actual !== expected) changes.push({ file, patch: createTwoFilesPatch(file, file, actual, expected, "on disk", "generated") });
  }
  for (const name of staleFiles(outDir, files)) {
    const file = `${outLabel}/${name}`;
    changes.push({ file, patch: createTwoFilesPatch(file, "/dev/null", readFileSync(join(outDir, name), "utf8"), "", "on disk", "no longer generated") });
  }
  return changes;
}

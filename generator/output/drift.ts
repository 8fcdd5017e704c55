/** `gen check`: what differs between generated/ on disk and what `gen` would write, as a unified diff. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createTwoFilesPatch } from "diff";
import type { OutputFiles } from "../emit/emit-program.js";
import { staleFiles } from "./write-output.js";

export function drift(outDir: string, outLabel: string, files: OutputFiles): string {
  const patches: string[] = [];
  for (const [name, expected] of files) {
    const path = join(outDir, name);
    const actual = existsSync(path) ? readFileSync(path, "utf8") : "";
    if (actual !== expected) patches.push(createTwoFilesPatch(`${outLabel}/${name}`, `${outLabel}/${name}`, actual, expected, "on disk", "generated"));
  }
  for (const name of staleFiles(outDir, files)) {
    patches.push(createTwoFilesPatch(`${outLabel}/${name}`, "/dev/null", readFileSync(join(outDir, name), "utf8"), "", "on disk", "no longer generated"));
  }
  return patches.join("");
}

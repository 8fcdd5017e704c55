/** Files of bench/streaming/ (the before/ SQL), found upwards from here: run from source or from build/. */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export function benchFile(relative: string): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, "bench", "streaming", relative);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`bench/streaming/${relative} not found above ${fileURLToPath(import.meta.url)}`);
}

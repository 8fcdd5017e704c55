/** Where things are, whether the fuzzer runs from source (vitest) or from generator/dist. */
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const generatorDir = basename(dirname(here)) === "dist" ? dirname(dirname(here)) : dirname(here);

export const repoRoot = dirname(generatorDir);
/** The worker always runs compiled (`npm run build` first). */
export const workerScript = join(generatorDir, "dist", "fuzz", "worker.js");

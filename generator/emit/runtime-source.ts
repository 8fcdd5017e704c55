import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The runtime is a real, type-checked TypeScript file (generator/runtime/db.ts) copied into the
 * output. It is found next to this module both when run from source and from generator/dist.
 */
let cachedText: string | undefined;

export function runtimeSource(): string {
  if (cachedText !== undefined) return cachedText;
  for (const candidate of ["../runtime/db.ts", "../../runtime/db.ts"]) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return (cachedText = readFileSync(path, "utf8"));
  }
  throw new Error("sqlgen's runtime (generator/runtime/db.ts) is missing from the installation");
}

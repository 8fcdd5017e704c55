/** sqlgen's version, read from its package.json (found from source and from generator/dist alike). */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export function packageVersion(): string {
  for (const candidate of ["../../package.json", "../../../package.json"]) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (!existsSync(path)) continue;
    const pkg = JSON.parse(readFileSync(path, "utf8")) as { name?: string; version?: string };
    if (pkg.name === "sqlgen" && pkg.version !== undefined) return pkg.version;
  }
  return "unknown";
}

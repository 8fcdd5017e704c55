import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runtimeExports } from "../targets/drivers.js";

/**
 * A driver's runtime is made of real, type-checked TypeScript files (generator/runtime/*.ts),
 * copied into one self-contained db.ts: each file in turn, its imports of the others removed, and
 * every export that is not a public runtime name (targets/drivers.ts) made private. They are found
 * next to this module both when run from source and from generator/dist.
 */
const cache = new Map<string, string>();

export function runtimeSource(files: readonly string[]): string {
  const privately = (text: string) => text.replace(/^export ((?:abstract )?(?:function|const|let|class|interface|type) (\w+))/gm, (all, declaration: string, name: string) => (runtimeExports.includes(name) ? all : declaration));
  return files.map((f) => privately(withoutLocalImports(runtimeFile(f))).trim()).join("\n\n");
}

function runtimeFile(name: string): string {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  for (const folder of ["../runtime/", "../../runtime/"]) {
    const path = fileURLToPath(new URL(folder + name, import.meta.url));
    if (existsSync(path)) {
      const text = readFileSync(path, "utf8");
      cache.set(name, text);
      return text;
    }
  }
  throw new Error(`sqlgen's runtime (generator/runtime/${name}) is missing from the installation`);
}

/** The runtime files import each other as `import { a, type B } from "./name.js"`. */
const localImport = /^import (?:type )?\{[^}]*\} from "\.\/[\w-]+\.js";\n/gm;

/** In one file those imports go. */
function withoutLocalImports(text: string): string {
  return text.replace(localImport, "");
}

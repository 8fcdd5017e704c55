#!/usr/bin/env node
// The `sqlgen` and `gen` commands. A published package ships generator/dist, built at prepack, so
// this only imports it. In a fresh clone of sqlgen's own repository nothing is built yet; the first
// run builds it there (the clone has the compiler and tsconfig), so `npm ci && npx gen` works.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const main = new URL("../dist/cli/main.js", import.meta.url);
const buildConfig = new URL("../tsconfig.build.json", import.meta.url);
if (!existsSync(main) && existsSync(buildConfig)) {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", fileURLToPath(buildConfig)], { stdio: ["ignore", process.stderr, "inherit"] });
}
await import(main.href);

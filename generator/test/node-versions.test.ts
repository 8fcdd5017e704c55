/**
 * The tool runs on every Node line it supports: the built CLI, run on Node 20 (this one), 22 and 24
 * (from npm, see conformance/runtimes.ts), writes byte-identical output for this repository, and
 * `check` finds it up to date on each. The generated code itself runs on all three in the
 * conformance suite.
 */
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { runtimeBinary, type Runtime } from "./conformance/runtimes.js";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const cli = join(repo, "generator/dist/cli/main.js");

async function generateWith(runtime: Runtime): Promise<{ files: Record<string, string>; check: number }> {
  const dir = mkdtempSync(join(tmpdir(), `sqlgen-${runtime}-`));
  for (const part of ["schema", "queries", "sqlgen.json"]) cpSync(join(repo, part), join(dir, part), { recursive: true });
  const node = runtimeBinary(runtime);
  await promisify(execFile)(node, [cli], { cwd: dir });
  const check = await promisify(execFile)(node, [cli, "check"], { cwd: dir }).then(() => 0, (e: { code?: number }) => e.code ?? -1);
  const out = join(dir, "generated");
  return { files: Object.fromEntries(readdirSync(out).map((f) => [f, readFileSync(join(out, f), "utf8")])), check };
}

it.each(["node22", "node24"] as const)("the CLI on %s writes what it writes on Node 20", async (runtime) => {
  const [mine, theirs] = await Promise.all([generateWith("node20"), generateWith(runtime)]);
  expect(Object.keys(mine.files).length).toBeGreaterThan(5);
  expect(theirs.files).toEqual(mine.files);
  expect(theirs.check).toBe(0);
}, 300_000);

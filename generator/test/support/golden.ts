/**
 * Golden files: `expectGolden(path, actual)` compares with the file, or rewrites it when the
 * environment has UPDATE_GOLDEN=1 (`npm run golden`). A missing expected file fails.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { expect } from "vitest";

export const updating = process.env.UPDATE_GOLDEN === "1";

export function expectGolden(path: string, actual: string): void {
  if (updating) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  expect(existsSync(path), `missing golden file ${path}; run \`npm run golden\``).toBe(true);
  expect(actual, `golden ${path} is stale; run \`npm run golden\` and review the diff`).toBe(readFileSync(path, "utf8"));
}

/** Golden folder: the exact set of files, each compared. Stale extra files fail too. */
export function expectGoldenDir(dir: string, files: ReadonlyMap<string, string>): void {
  if (updating) rmSync(dir, { recursive: true, force: true });
  for (const [name, text] of files) expectGolden(join(dir, name), text);
  if (!updating) {
    const present = existsSync(dir) ? readdirSync(dir).sort() : [];
    expect(present, `golden folder ${dir} has files the generator no longer writes`).toEqual([...files.keys()].sort());
  }
}

/**
 * A case's expected/ folder holds exactly `names` (files or folders): an extra file, or an old
 * generated/ left behind by a case that now fails, fails the test; updating deletes them.
 */
export function expectGoldenEntries(dir: string, names: readonly string[]): void {
  const present = existsSync(dir) ? readdirSync(dir).sort() : [];
  if (updating) {
    for (const extra of present.filter((n) => !names.includes(n))) rmSync(join(dir, extra), { recursive: true, force: true });
    return;
  }
  expect(present, `${dir} must hold exactly ${names.join(", ")}; run \`npm run golden\` to remove the rest`).toEqual([...names].sort());
}

/**
 * The kept result of the last run (cli/result-cache.ts): used when the input and the build are
 * the same, and only then. To see which result a run used, a test edits the kept one.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundleBuildId } from "../cli/result-cache.js";
import { casesDir } from "./support/cases.js";
import { runCli } from "./support/run-cli.js";

/** An npm project (it has node_modules/, where the cache lives) with one query file. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), "sqlgen-cache-"));
  cpSync(join(casesDir, "one-basic", "schema.sql"), join(dir, "schema", "001_init.sql"), { recursive: true });
  cpSync(join(casesDir, "one-basic", "query.sql"), join(dir, "queries", "http.sql"), { recursive: true });
  mkdirSync(join(dir, "node_modules"));
  return dir;
}

const cacheDir = (dir: string) => join(dir, "node_modules", ".cache", "sqlgen");

/** Puts a marker into the kept result's http.ts, so that a run using it writes the marker. */
function markKeptResult(dir: string): void {
  const [file] = readdirSync(cacheDir(dir));
  const path = join(cacheDir(dir), file!);
  const stored = JSON.parse(readFileSync(path, "utf8")) as { result: { files: [string, string][] } };
  for (const entry of stored.result.files) if (entry[0] === "http.ts") entry[1] += "// from the kept result\n";
  writeFileSync(path, JSON.stringify(stored));
}

const written = (dir: string) => readFileSync(join(dir, "generated", "http.ts"), "utf8");
const marked = /from the kept result/;

describe("the kept result", () => {
  it("is used when the input and the build are those of the last run", async () => {
    const dir = project();
    expect((await runCli([], dir, "build-1")).code).toBe(0);
    expect(readdirSync(cacheDir(dir))).toHaveLength(1);
    markKeptResult(dir);
    expect((await runCli([], dir, "build-1")).code).toBe(0);
    expect(written(dir)).toMatch(marked);
    // check compares the folder with the kept result too: the marked file is current.
    expect((await runCli(["check"], dir, "build-1")).code).toBe(0);
  });

  it("is not used after an edit, with another build, with --no-cache, or without a bundle", async () => {
    const dir = project();
    await runCli([], dir, "build-1");
    markKeptResult(dir);
    await runCli([], dir, "build-2");
    expect(written(dir)).not.toMatch(marked);

    await runCli([], dir, "build-1");
    markKeptResult(dir);
    await runCli(["--no-cache"], dir, "build-1");
    expect(written(dir)).not.toMatch(marked);
    await runCli([], dir);
    expect(written(dir)).not.toMatch(marked);

    await runCli([], dir, "build-1");
    markKeptResult(dir);
    writeFileSync(join(dir, "queries", "http.sql"), `${readFileSync(join(dir, "queries", "http.sql"), "utf8")}\n-- an edit\n`);
    await runCli([], dir, "build-1");
    expect(written(dir)).not.toMatch(marked);
  });

  it("keeps errors too, and a run with errors still leaves generated/ untouched", async () => {
    const dir = project();
    await runCli([], dir, "build-1");
    const before = written(dir);
    writeFileSync(join(dir, "queries", "http.sql"), "-- name: A :one\nSELECT nope FROM http;\n");
    for (let i = 0; i < 2; i++) {
      const r = await runCli([], dir, "build-1");
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("queries/http.sql:2:8: error SG303");
      expect(written(dir)).toBe(before);
    }
  });

  it("is a miss, never an error, when it cannot be read; a folder without node_modules keeps none", async () => {
    const dir = project();
    await runCli([], dir, "build-1");
    const [file] = readdirSync(cacheDir(dir));
    writeFileSync(join(cacheDir(dir), file!), "{ not json");
    expect((await runCli([], dir, "build-1")).code).toBe(0);
    expect(written(dir)).toMatch(/export function getHttp/);

    const bare = mkdtempSync(join(tmpdir(), "sqlgen-cache-bare-"));
    cpSync(join(dir, "schema"), join(bare, "schema"), { recursive: true });
    cpSync(join(dir, "queries"), join(bare, "queries"), { recursive: true });
    expect((await runCli([], bare, "build-1")).code).toBe(0);
    expect(readdirSync(bare).sort()).toEqual(["generated", "queries", "schema"]);
  });

  it("is identified by the bundled entry, which names its chunks by content hash", () => {
    const dir = mkdtempSync(join(tmpdir(), "sqlgen-bundle-"));
    const bundled = join(dir, "bundled.js");
    writeFileSync(bundled, 'import { a } from "../gen/chunk-ABC123.js";\n');
    const other = join(dir, "other.js");
    writeFileSync(other, 'import { a } from "../gen/chunk-DEF456.js";\n');
    const unbundled = join(dir, "unbundled.js");
    writeFileSync(unbundled, 'import { run } from "./run.js";\n');
    expect(bundleBuildId(`file://${bundled}`)).toMatch(/^[0-9a-f]{64}$/);
    expect(bundleBuildId(`file://${bundled}`)).not.toBe(bundleBuildId(`file://${other}`));
    expect(bundleBuildId(`file://${unbundled}`)).toBeNull();
    expect(bundleBuildId(`file://${join(dir, "missing.js")}`)).toBeNull();
  });
});

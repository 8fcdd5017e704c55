/**
 * Golden cases: each folder of cases/ is one feature, documented by its input and its expected
 * output (generated TypeScript, `describe --json`, rendered diagnostics). `npm run golden`
 * rewrites every expected file; review the diff like code.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { caseNames, normalize, runCase, sentinel } from "./support/cases.js";
import { expectGolden, expectGoldenDir, expectGoldenEntries, updating } from "./support/golden.js";
import { typecheck } from "./support/typecheck.js";

interface DescribedDiagnostic { severity: string; code: string; file: string | null; line: number | null; col: number | null }

const generatedDirs: string[] = [];

describe.each(caseNames())("case %s", (name) => {
  it("matches its expected output", async () => {
    const c = await runCase(name);
    const expected = join(c.dir, "expected");
    expectGolden(join(expected, "describe.json"), c.describe.stdout);
    expectGolden(join(expected, "stderr.txt"), normalize(c.generate.stderr, c.outDir));

    const diagnostics = (JSON.parse(c.describe.stdout) as { diagnostics: DescribedDiagnostic[] }).diagnostics;
    expect(diagnostics.map((d) => d.code).sort()).toEqual([...(c.spec.codes ?? [])].sort());
    const failed = diagnostics.some((d) => d.severity === "error");
    expect(c.generate.code).toBe(failed ? 1 : 0);
    expect(c.describe.code).toBe(failed ? 1 : 0);

    expectGoldenEntries(expected, failed ? ["describe.json", "stderr.txt"] : ["describe.json", "generated", "stderr.txt"]);
    if (failed) {
      // Nothing written: the output folder holds only what was there before.
      expect(readdirSync(c.outDir)).toEqual([sentinel]);
      for (const d of diagnostics.filter((x) => x.severity === "error" && x.file !== null)) {
        expect(d.line, `${d.code} has a position`).not.toBeNull();
        expect(c.generate.stderr).toContain(`${d.file}:${d.line}:${d.col}: error ${d.code}:`);
      }
      return;
    }
    const files = new Map(
      readdirSync(c.outDir)
        .filter((f) => f !== sentinel && f !== "db.ts")
        .map((f) => [f, readFileSync(join(c.outDir, f), "utf8")]),
    );
    expectGoldenDir(join(expected, "generated"), files);
    // A case's app/ holds the application's own modules its output imports (JSON types): put beside it as in an app.
    if (existsSync(join(c.dir, "app"))) cpSync(join(c.dir, "app"), join(c.outDir, "app"), { recursive: true });
    generatedDirs.push(c.outDir);
  });
});

// Runs after the cases above (tests in a file run in order): every successful case's output,
// runtime included, type-checks under strict.
it("type-checks every generated output under strict", () => {
  expect(generatedDirs.length).toBeGreaterThan(0);
  const roots = generatedDirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith(".ts")).map((f) => join(d, f)));
  expect(typecheck(roots)).toEqual([]);
});

it.skipIf(updating)("fails on an extra file in expected/ and on a stale generated/ of a failing case", () => {
  const dir = mkdtempSync(join(tmpdir(), "sqlgen-golden-"));
  for (const f of ["describe.json", "stderr.txt", "notes.txt"]) writeFileSync(join(dir, f), "");
  expect(() => expectGoldenEntries(dir, ["describe.json", "stderr.txt", "notes.txt"])).not.toThrow();
  expect(() => expectGoldenEntries(dir, ["describe.json", "stderr.txt"])).toThrow(/must hold exactly/);
  mkdirSync(join(dir, "generated"));
  expect(() => expectGoldenEntries(dir, ["describe.json", "stderr.txt", "notes.txt"])).toThrow(/must hold exactly/);
});

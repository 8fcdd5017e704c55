/**
 * bench:streaming: a --quick run completes and writes well-formed outputs (never the committed
 * bench/results/), and the load test's integrity checks really fail on a damaged database.
 * Nothing here is timed: the figures themselves are the benchmark's, not the test's.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, describe, expect, it } from "vitest";
import { createBenchDatabase } from "./databases.js";
import { families } from "./families.js";
import { baseline, checkIntegrity } from "./integrity.js";
import { plotFiles } from "./plots.js";
import type { Results } from "./results.js";
import type { Acks } from "./worker-ops.js";

const temp = mkdtempSync(join(tmpdir(), "bench-streaming-test-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Every element named `name` anywhere in a parsed XML tree. */
function elements(node: unknown, name: string): Record<string, unknown>[] {
  if (Array.isArray(node)) return node.flatMap((n) => elements(n, name));
  if (typeof node !== "object" || node === null) return [];
  return Object.entries(node).flatMap(([k, v]) => [...(k === name ? [v].flat() as Record<string, unknown>[] : []), ...elements(v, name)]);
}

describe("npm run bench:streaming -- --quick", () => {
  it("completes and writes streaming.json, streaming.md and SVG plots, all well-formed", () => {
    // Compiled as `npm run bench:streaming` runs it (worker threads need JavaScript), without type checking (npm test checks types).
    mkdirSync("build", { recursive: true });
    const compiled = mkdtempSync(join("build", "test-bench-"));
    const out = join(temp, "results");
    try {
      const tsc = spawnSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.examples.json", "--noCheck", "--outDir", compiled], { encoding: "utf8" });
      expect(tsc.status, tsc.stdout).toBe(0);
      const run = spawnSync(process.execPath, ["--expose-gc", join(compiled, "bench", "streaming", "main.js"), "--quick", "--out", out], { encoding: "utf8" });
      expect(run.status, run.stdout + run.stderr).toBe(0);
    } finally {
      rmSync(compiled, { recursive: true, force: true });
    }

    const r = JSON.parse(readFileSync(join(out, "streaming.json"), "utf8")) as Results;
    expect(r.quick).toBe(true);
    expect(Object.keys(r.machine).sort()).toEqual(["betterSqlite3", "cores", "cpuModel", "loadAverageAtStart", "node", "os", "ramGiB", "sqlite"]);
    expect(r.machine.sqlite).toMatch(/^3\.\d+\.\d+$/);
    expect(r.families.map((f) => f.family)).toEqual(families.map((f) => f.name));
    for (const f of r.families) {
      for (const side of [f.before, f.after]) {
        expect(side.ms.length).toBeGreaterThan(0);
        expect(side.rows.length).toBe(side.ms.length);
        expect(side.ms.every((x) => Number.isFinite(x) && x >= 0)).toBe(true);
      }
      // Both sides did the same work: the same rows for the same calls.
      if (f.family !== "incremental poll") expect(f.after.rows.reduce((a, b) => a + b, 0)).toBe(f.before.rows.reduce((a, b) => a + b, 0));
    }
    // Every family's statements with a plan on both sides; the streaming index is what the after side's poll searches.
    expect(r.plans.map((p) => `${p.family}/${p.side}`).sort()).toEqual(families.flatMap((f) => [`${f.name}/after`, `${f.name}/before`]).sort());
    for (const p of r.plans) {
      expect(p.statements.length, `${p.family}/${p.side}`).toBeGreaterThan(0);
      for (const st of p.statements) expect(st.plan.length, st.sql).toBeGreaterThan(0);
    }
    const poll = r.plans.find((p) => p.family === "incremental poll" && p.side === "after")!;
    expect(poll.statements.flatMap((st) => st.plan).join("\n")).toMatch(/SEARCH h USING INDEX http_workspace_streaming_idx/);
    expect(r.ablation.runs.some((a) => a.dropped === "http_workspace_streaming_idx")).toBe(true);
    expect(r.concurrency.levels.map((l) => l.summary.workers)).toEqual([1, 4]);
    expect(r.concurrency.levels.every((l) => l.summary.operations > 0)).toBe(true);
    expect(r.loadTest.summary.operations).toBeGreaterThan(0);
    expect(r.loadTest.checks.length).toBeGreaterThanOrEqual(12);
    expect(r.loadTest.checks.filter((c) => !c.ok)).toEqual([]);

    const md = readFileSync(join(out, "streaming.md"), "utf8");
    for (const heading of ["## The spec's claims (section 8)", "## Machine", "## Before vs after, by table size", "## Query plans", "## Index ablation", "## Concurrency", "## Load test", "### Integrity afterwards"]) expect(md).toContain(heading);
    expect(md).toContain("| query family | before median | after median | speedup |");
    expect(md).toMatch(/\| workers \| ops\/s \|[^\n]*\n\| --- /);

    for (const file of Object.values(plotFiles)) {
      const svg = readFileSync(join(out, file), "utf8");
      expect(XMLValidator.validate(svg), file).toBe(true);
      const tree = new XMLParser({ ignoreAttributes: false }).parse(svg) as Record<string, unknown>;
      expect(Object.keys(tree)).toContain("svg");
      const points = elements(tree, "circle");
      expect(points.length, file).toBeGreaterThan(0);
      expect(points.every((p) => /^-?[\d.]+$/.test(String(p["@_cx"])) && /\d/.test(String(p.title))), file).toBe(true);
    }
  }, 240_000);
});

describe("the load test's integrity checks", () => {
  const none = (): Acks => ({ created: [], createdDeltas: [], deleted: [], updates: {} });
  const failing = (checks: ReturnType<typeof checkIntegrity>) => checks.filter((c) => !c.ok).map((c) => c.name).sort();

  it("pass on an untouched database, and each fails on the damage it looks for", () => {
    const { db, data } = createBenchDatabase(temp, "after", 200);
    const start = baseline(db);
    expect(failing(checkIntegrity(db, start, none()))).toEqual([]);

    const base = data.bases[0][0].toString("hex");
    expect(failing(checkIntegrity(db, start, { ...none(), updates: { [base]: 1 } }))).toEqual(["change feed: one update per acknowledged update", "every version increment accounted for"]);
    expect(failing(checkIntegrity(db, start, { ...none(), created: ["10".repeat(16)] }))).toEqual(
      ["acknowledged creates present", "change feed: one insert per acknowledged create", "created requests have all their children"]);

    // An update nobody acknowledged.
    db.prepare("UPDATE http SET version = version + 1 WHERE id = ?").run(data.bases[1][0]);
    expect(failing(checkIntegrity(db, start, none()))).toEqual(["change feed: one update per acknowledged update", "every version increment accounted for"]);
    expect(failing(checkIntegrity(db, baseline(db), none()))).toEqual([]);

    db.prepare("DELETE FROM change_log WHERE seq = 100").run();
    expect(failing(checkIntegrity(db, baseline(db), none()))).toEqual(["change feed seqs gap-free"]);
    db.prepare("INSERT INTO change_log (seq, workspace_id, table_name, row_id, op) VALUES (100, x'00', 'http', x'00', 'update')").run();

    db.pragma("foreign_keys = OFF");
    db.prepare("INSERT INTO http_header (id, http_id, key) VALUES (x'99', x'98', 'orphan')").run();
    expect(failing(checkIntegrity(db, baseline(db), none()))).toEqual(["PRAGMA foreign_key_check clean", "no orphans in child tables"]);
    db.close();
  });
});

/**
 * A generate session (incremental re-analysis) gives what a cold `generate()` gives on the same
 * input, byte for byte (IR, diagnostics in order, output files), on every golden case's input and
 * along a sequence of edits; and it reuses what an edit did not touch.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readProject } from "../cli/read-project.js";
import { resolveOptions } from "../config/options.js";
import { DiagnosticBag } from "../diagnostics/diagnostic.js";
import { generate, type GenerateInput, type GenerateResult } from "../pipeline/generate.js";
import { GenerateSession } from "../pipeline/incremental.js";
import type { Driver } from "../targets/drivers.js";
import { caseNames, casePaths, casesDir, type CaseSpec } from "./support/cases.js";

/** Everything a result holds, as one text: equal texts are byte-identical results. */
function bytes(r: GenerateResult): string {
  return JSON.stringify({ program: r.program, diagnostics: r.diagnostics, files: r.files === null ? null : [...r.files] });
}

function caseInput(name: string): GenerateInput {
  const dir = join(casesDir, name);
  const spec = JSON.parse(readFileSync(join(dir, "case.json"), "utf8")) as CaseSpec;
  const { schema, queries } = casePaths(dir);
  return readProject(resolveOptions(dir, { schema: [schema], queries: [queries], driver: spec.driver as Driver | undefined }), new DiagnosticBag());
}

const sessions: GenerateSession[] = [];
afterAll(() => sessions.forEach((s) => s.close()));
function session(): GenerateSession {
  const s = new GenerateSession();
  sessions.push(s);
  return s;
}

describe("a session on the golden cases' inputs", () => {
  // One session through every case: each case changes the schema (and driver) under it.
  const shared = session();
  it.each(caseNames())("%s: same as cold, first and again warm", async (name) => {
    const input = caseInput(name);
    const cold = bytes(await generate(input));
    expect(bytes(await shared.update(input))).toBe(cold);
    expect(bytes(await shared.update(input))).toBe(cold);
  });
});

const schema = (extra = "") => `CREATE TABLE folders (id INTEGER PRIMARY KEY, name TEXT NOT NULL, parent_id INTEGER REFERENCES folders (id)${extra});\n`;
const users = "-- name: GetFolder :one\nSELECT id, name FROM folders WHERE id = ?;\n";
const tree = "-- name: ListChildren :many\nSELECT c.id, p.name AS parent FROM folders c LEFT JOIN folders p ON p.id = c.parent_id WHERE c.parent_id = :parent;\n";
const counts = "-- name: CountFolders :one\nSELECT count(*) AS n, max(name) AS last FROM folders;\n";

type Files = Record<string, string>;

function input(schemaFiles: Files, queryFiles: Files): GenerateInput {
  const files = (f: Files) => Object.entries(f).map(([path, text]) => ({ path, text }));
  return { schema: files(schemaFiles), queries: files(queryFiles), options: { queriesRoot: "queries" } };
}

describe("a session along a sequence of edits", () => {
  it("matches a cold run after every edit, and re-analyses only the files an edit touches", async () => {
    const s = session();
    let schemaFiles: Files = { "schema/001.sql": schema() };
    let queryFiles: Files = { "queries/a.sql": users, "queries/b.sql": tree, "queries/c.sql": counts };
    let previous: GenerateResult | null = null;
    /** Applies an edit, checks the session against a cold run and returns which modules were reused. */
    const step = async (edit: () => void): Promise<Record<string, boolean>> => {
      edit();
      const now = input(schemaFiles, queryFiles);
      const result = await s.update(now);
      expect(bytes(result)).toBe(bytes(await generate(now)));
      const before = new Map(previous?.program.modules.map((m) => [m.source, m]));
      previous = result;
      return Object.fromEntries(result.program.modules.map((m) => [m.source, before.get(m.source) === m]));
    };

    expect(await step(() => {})).toEqual({ "queries/a.sql": false, "queries/b.sql": false, "queries/c.sql": false });
    // One query file edited: only it is analysed again.
    expect(await step(() => (queryFiles["queries/a.sql"] = users.replace("id, name", "id, name, parent_id")))).toEqual({ "queries/a.sql": false, "queries/b.sql": true, "queries/c.sql": true });
    // The schema edited: everything.
    expect(await step(() => (schemaFiles["schema/001.sql"] = schema(", note TEXT")))).toEqual({ "queries/a.sql": false, "queries/b.sql": false, "queries/c.sql": false });
    // A file deleted, then a new one added.
    expect(await step(() => delete queryFiles["queries/b.sql"])).toEqual({ "queries/a.sql": true, "queries/c.sql": true });
    expect(await step(() => (queryFiles["queries/d.sql"] = "-- name: Notes :many\nSELECT note FROM folders;\n"))).toEqual({ "queries/a.sql": true, "queries/c.sql": true, "queries/d.sql": false });
    // An error introduced, then fixed.
    expect(await step(() => (queryFiles["queries/c.sql"] = counts.replace("max(name)", "max(nam)")))).toEqual({ "queries/a.sql": true, "queries/c.sql": false, "queries/d.sql": true });
    expect(previous!.files).toBeNull();
    expect(previous!.diagnostics.map((d) => d.code)).toEqual(["SG303"]);
    expect(await step(() => (queryFiles["queries/c.sql"] = counts))).toEqual({ "queries/a.sql": true, "queries/c.sql": false, "queries/d.sql": true });
    expect(previous!.files).not.toBeNull();
    // A later file repeats an earlier file's query name (SG205): renaming the first frees the name
    // for the unchanged later file, which must then be analysed again.
    await step(() => (queryFiles["queries/d.sql"] = "-- name: GetFolder :many\nSELECT note FROM folders;\n"));
    expect(previous!.diagnostics.map((d) => d.code)).toEqual(["SG205"]);
    expect(await step(() => (queryFiles["queries/a.sql"] = users.replace("GetFolder", "FolderById")))).toEqual({ "queries/a.sql": false, "queries/c.sql": true, "queries/d.sql": false });
    expect(previous!.diagnostics).toEqual([]);
    // A schema error, then the schema restored.
    await step(() => (schemaFiles["schema/002.sql"] = "CREATE TABLE broken (id INTEGER, id TEXT);\n"));
    expect(previous!.diagnostics.map((d) => d.code)).toContain("SG101");
    await step(() => delete schemaFiles["schema/002.sql"]);
    expect(previous!.diagnostics).toEqual([]);
  });
});

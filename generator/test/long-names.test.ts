/**
 * A name of a million characters is an ordinary unknown name: reported at its position, with
 * a short message, and no pattern is built from it (a regex from user text once failed on it
 * with "Regular expression too large"). Its cost is measured by the fuzzer, not asserted here.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { nearest } from "../analyze/suggest.js";
import { runCli } from "./support/run-cli.js";

const long = "x".repeat(1_000_000);

it("reports unknown million-character names at their position, without an internal error", async () => {
  const dir = mkdtempSync(join(tmpdir(), "sqlgen-long-"));
  writeFileSync(join(dir, "schema.sql"), "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT);\n");
  writeFileSync(join(dir, "query.sql"), `-- name: A :many\nSELECT ${long} FROM t;\n-- name: B :exec\nUPDATE t SET ${long} = ?;\n-- name: C :many\nSELECT * FROM ${long};\n`);
  const r = await runCli(["describe", "--json", "--schema", "schema.sql", "--queries", "query.sql"], dir);
  const diagnostics = (JSON.parse(r.stdout) as { diagnostics: { code: string; line: number; col: number; message: string }[] }).diagnostics;
  expect(diagnostics.map((d) => [d.code, d.line, d.col])).toEqual([
    ["SG303", 2, 8],
    ["SG303", 4, 14],
    ["SG302", 6, 15],
  ]);
  for (const d of diagnostics) expect(d.message).toContain("(1000000 characters)");
});

it("suggests nothing for a name far longer than any schema name", () => {
  expect(nearest(long, ["x", "xx", "name"])).toEqual([]);
  expect(nearest("nmae", ["x", "name", long])).toEqual(["name"]);
});

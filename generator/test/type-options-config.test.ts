/** sqlgen.json's "types": malformed options, unknown targets and misfits are errors at the option; bigint per driver. */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempProject } from "./support/project.js";
import { runCli } from "./support/run-cli.js";

const schema = "CREATE TABLE events (id INTEGER PRIMARY KEY, at TEXT NOT NULL, payload BLOB, n INTEGER NOT NULL);\n";
const queries = "-- name: GetEvent :one\nSELECT * FROM events WHERE id = ?;\n";

function project(types: string): string {
  return tempProject({ "schema/001.sql": schema, "queries/events.sql": queries, "sqlgen.json": `{\n  "types": ${types}\n}\n` });
}

describe('"types" in sqlgen.json', () => {
  it("reports a malformed option at its position (SG014), and writes nothing", async () => {
    const dir = project('{\n    "events.at": "datetime",\n    "events.n": { "type": "date", "encoding": "week" },\n    "events.id": { "brand": 3 },\n    "events.payload": { "tsType": "X" }\n  }');
    const r = await runCli([], dir);
    expect(r.code).toBe(1);
    for (const at of ["sqlgen.json:3:18: error SG014", "sqlgen.json:4:17: error SG014", "sqlgen.json:5:29: error SG014", "sqlgen.json:6:23: error SG014"]) expect(r.stderr).toContain(at);
    expect(existsSync(join(dir, "generated"))).toBe(false);
  });

  it("reports a table, column or declared type that does not exist (SG016) and an option that does not fit (SG017)", async () => {
    const dir = project('{\n    "event.at": "date",\n    "events.when": "date",\n    "TIMESTAMP": "date",\n    "events.payload": "date",\n    "events.n": "json"\n  }');
    const r = await runCli(["--format", "json"], dir);
    expect(r.code).toBe(1);
    const codes = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as { code?: string; line?: number }).filter((d) => d.code).map((d) => `${d.code}@${d.line}`);
    expect(codes.sort()).toEqual(["SG016@3", "SG016@4", "SG016@5", "SG017@6", "SG017@7"]);
  });

  it("refuses bigint on drivers that cannot read it per statement (SG408), and takes it on the others", async () => {
    const dir = project('{ "events.n": "bigint" }');
    for (const driver of ["d1", "@libsql/client"]) {
      const r = await runCli(["--driver", driver], dir);
      expect(r.code, driver).toBe(1);
      expect(r.stderr, driver).toContain("sqlgen.json:2:14: error SG408");
    }
    for (const driver of ["better-sqlite3", "node:sqlite", "bun:sqlite", "sql.js", "libsql"]) expect((await runCli(["--driver", driver], dir)).code, driver).toBe(0);
  });
});

/** sqlgen.json: lists of paths, -f, errors at the key's position, the JSON Schema, flags over the file. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { configKeys } from "../config/config-keys.js";
import { driverNames } from "../targets/drivers.js";
import { importExtensions } from "../emit/import-extension.js";
import { runCli } from "./support/run-cli.js";
import { tempProject, twoTableFolders } from "./support/project.js";

const layout = twoTableFolders(["db/schema", "db/more-schema"], ["db/users", "db/posts"]);

describe("sqlgen.json", () => {
  it("takes schema and queries as lists of folders, and out", async () => {
    const dir = tempProject({
      ...layout,
      "sqlgen.json": JSON.stringify({ schema: ["db/schema", "db/more-schema"], queries: ["db/users", "db/posts"], out: "src/db" }),
    });
    const r = await runCli([], dir);
    expect(r.stderr).toContain("2 queries in 2 files → src/db/");
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, "src/db/users-users.ts"))).toBe(true);
    expect(readFileSync(join(dir, "src/db/posts-posts.ts"), "utf8")).toContain("export function listPosts(");
  });

  it("repeated --schema and --queries flags keep every path", async () => {
    const dir = tempProject(layout);
    const r = await runCli(["--schema", "db/schema", "--schema", "db/more-schema", "--queries", "db/users", "--queries", "db/posts", "--out", "out"], dir);
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, "out/posts-posts.ts"))).toBe(true);
  });

  it("flags win over the file; -f names another file whose paths are relative to it", async () => {
    const dir = tempProject({
      ...Object.fromEntries(Object.entries(layout).map(([p, t]) => [`app/${p}`, t])),
      "app/config/sqlgen.json": JSON.stringify({ schema: ["../db/schema", "../db/more-schema"], queries: "../db/users", out: "../generated" }),
    });
    const r = await runCli(["-f", "app/config/sqlgen.json", "--out", "elsewhere"], dir);
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, "elsewhere/users.ts"))).toBe(true);
    expect(existsSync(join(dir, "app/generated"))).toBe(false);
  });

  it("reports an unknown key and a wrong type at their file:line:col", async () => {
    const dir = tempProject({ ...layout, "sqlgen.json": '{\n  "schema": "db/schema",\n  "querys": "db/users",\n  "out": 3\n}\n' });
    const r = await runCli([], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("sqlgen.json:3:3: error SG013");
    expect(r.stderr).toContain("sqlgen.json:4:10: error SG014");
    expect(existsSync(join(dir, "generated"))).toBe(false);
  });

  it("takes a driver by name from the file or --driver; an unknown one is an error naming the known ones", async () => {
    const dir = tempProject({ ...layout, "sqlgen.json": '{\n  "schema": "db/schema",\n  "queries": "db/users",\n  "driver": "d1"\n}\n' });
    expect((await runCli([], dir)).code).toBe(0);
    expect(readFileSync(join(dir, "generated/db.ts"), "utf8")).toContain("sqlgen's runtime for d1");
    expect((await runCli(["--driver", "node:sqlite"], dir)).code).toBe(0);
    expect(readFileSync(join(dir, "generated/db.ts"), "utf8")).toContain("sqlgen's runtime for node:sqlite");
    const flag = await runCli(["--driver", "sqlite3"], dir);
    expect(flag.code).toBe(64);
    expect(flag.stderr).toContain("better-sqlite3");
    const bad = tempProject({ ...layout, "sqlgen.json": '{\n  "driver": "postgres"\n}\n' });
    const r = await runCli([], bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("sqlgen.json:2:13: error SG014");
    expect(r.stderr).toContain('"@libsql/client"');
  });

  it("reports invalid JSON (a trailing comma) at its position", async () => {
    const dir = tempProject({ "sqlgen.json": '{\n  "out": "x",\n}\n' });
    const r = await runCli([], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/sqlgen\.json:3:1: error SG012/);
  });

  it("reports a missing -f file", async () => {
    const r = await runCli(["-f", "nope.json"], tempProject({}));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("SG012");
  });

  it("check's advice repeats the command that was run, as a generate", async () => {
    const dir = tempProject({ ...layout, "cfg.json": JSON.stringify({ schema: ["db/schema", "db/more-schema"], queries: ["db/users"] }) });
    const r = await runCli(["check", "-f", "cfg.json", "--out", "my out"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("run `npx gen -f cfg.json --out 'my out'` and commit");
    expect((await runCli(["-f", "cfg.json", "--out", "my out"], dir)).code).toBe(0);
    expect((await runCli(["check", "-f", "cfg.json", "--out", "my out"], dir)).code).toBe(0);
  });
});

describe("sqlgen.schema.json", () => {
  const root = fileURLToPath(new URL("../../", import.meta.url));
  const schema = JSON.parse(readFileSync(join(root, "sqlgen.schema.json"), "utf8"));

  it("lists exactly the keys sqlgen accepts, with the same descriptions", () => {
    expect(Object.keys(schema.properties).sort()).toEqual(["$schema", ...Object.keys(configKeys)].sort());
    expect(schema.additionalProperties).toBe(false);
    const types = { paths: undefined, path: "string", boolean: "boolean", driver: "string", types: "object", importExtension: "string" } as const;
    for (const [key, spec] of Object.entries(configKeys)) {
      expect(schema.properties[key].description, key).toBe(spec.description);
      expect(schema.properties[key].type, key).toBe(types[spec.kind]);
      if (spec.kind === "paths") expect(schema.properties[key].oneOf, key).toHaveLength(2);
      if (spec.kind === "driver") expect(schema.properties[key].enum, key).toEqual([...driverNames]);
      if (spec.kind === "importExtension") expect(schema.properties[key].enum, key).toEqual([...importExtensions]);
    }
  });

  it("is what the repository's own sqlgen.json points at", () => {
    expect(JSON.parse(readFileSync(join(root, "sqlgen.json"), "utf8")).$schema).toBe("./sqlgen.schema.json");
  });
});

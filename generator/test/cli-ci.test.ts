/** CI-grade runs: safe output, --strict, --format json|github, exit codes, --version. */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "./support/run-cli.js";
import { tempProject, twoTables } from "./support/project.js";

const valid = { "schema/001_users.sql": twoTables.users, "queries/users.sql": twoTables.usersQuery };
const withWarning = { ...valid, "queries/users.sql": twoTables.usersQuery + "SELECT 1;\n" };
const invalid = { ...valid, "queries/users.sql": "-- name: GetUser :one\nSELECT nope FROM users;\n" };

describe("safe output", () => {
  it("never overwrites a file without the generated header, and names it", async () => {
    const dir = tempProject({ ...valid, "src/lib/index.ts": "export const mine = 1;\n", "src/lib/users.ts": "// my users\n" });
    const r = await runCli(["--out", "src/lib"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("src/lib/index.ts: error SG015");
    expect(r.stderr).toContain("src/lib/users.ts: error SG015");
    expect(readFileSync(join(dir, "src/lib/index.ts"), "utf8")).toBe("export const mine = 1;\n");
    expect(readFileSync(join(dir, "src/lib/users.ts"), "utf8")).toBe("// my users\n");
    expect(existsSync(join(dir, "src/lib/db.ts"))).toBe(false);
  });

  it("check reports the same conflict instead of a diff", async () => {
    const dir = tempProject({ ...valid, "generated/index.ts": "export {};\n" });
    const r = await runCli(["check"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("SG015");
  });

  it("overwrites its own files and leaves others' files beside them alone", async () => {
    const dir = tempProject({ ...valid, "generated/extra.ts": "export const mine = 1;\n" });
    expect((await runCli([], dir)).code).toBe(0);
    writeFileSync(join(dir, "queries/users.sql"), twoTables.usersQuery.replace("SELECT *", "SELECT id"));
    expect((await runCli([], dir)).code).toBe(0);
    expect(readFileSync(join(dir, "generated/users.ts"), "utf8")).not.toContain("name: string");
    expect(readFileSync(join(dir, "generated/extra.ts"), "utf8")).toBe("export const mine = 1;\n");
  });
});

describe("--strict", () => {
  it("a warning passes without it and fails with it (flag or config key), leaving the output alone", async () => {
    const dir = tempProject(withWarning);
    expect((await runCli([], dir)).code).toBe(0);
    const before = readFileSync(join(dir, "generated/users.ts"), "utf8");
    writeFileSync(join(dir, "queries/users.sql"), withWarning["queries/users.sql"].replace("SELECT *", "SELECT id"));
    const r = await runCli(["--strict"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("warning SG201");
    expect(r.stderr).toContain("--strict");
    expect(readFileSync(join(dir, "generated/users.ts"), "utf8")).toBe(before);
    expect((await runCli(["check", "--strict"], dir)).code).toBe(1);
    writeFileSync(join(dir, "sqlgen.json"), JSON.stringify({ strict: true }));
    expect((await runCli([], dir)).code).toBe(1);
  });
});

describe("--format", () => {
  it("json: one object per line on stdout, with file, line and col", async () => {
    const r = await runCli(["--format", "json"], tempProject(invalid));
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toEqual([expect.objectContaining({ type: "diagnostic", code: "SG303", severity: "error", file: "queries/users.sql", line: 2, col: 8 })]);
  });

  it("github: an ::error annotation with file, line and col", async () => {
    const r = await runCli(["check", "--format", "github"], tempProject(invalid));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=queries\/users\.sql,line=2,col=8,endLine=2,endColumn=\d+,title=SG303::.+$/m);
  });

  it("check: stale files as JSON lines and as annotations; exit 2", async () => {
    const dir = tempProject(valid);
    const json = await runCli(["check", "--format", "json"], dir);
    expect(json.code).toBe(2);
    expect(json.stdout.trim().split("\n").map((l) => JSON.parse(l))).toContainEqual({ type: "stale", file: "generated/users.ts" });
    const github = await runCli(["check", "--format", "github"], dir);
    expect(github.code).toBe(2);
    expect(github.stdout).toMatch(/^::error file=generated\/users\.ts,title=stale generated file::generated\/ is out of date; run `npx gen --format github`/m);
  });

  it("options before the command apply to it", async () => {
    const r = await runCli(["--format", "json", "--strict", "check"], tempProject(withWarning));
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout.trim().split("\n")[0])).toMatchObject({ type: "diagnostic", code: "SG201" });
  });

  it("an unknown format is a usage error (64)", async () => {
    const r = await runCli(["--format", "xml"], tempProject(valid));
    expect(r.code).toBe(64);
  });
});

describe("--version", () => {
  it("prints package.json's version", async () => {
    const pkg = JSON.parse(readFileSync(fileURLToPath(new URL("../../package.json", import.meta.url)), "utf8"));
    const r = await runCli(["--version"], tempProject({}));
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });
});

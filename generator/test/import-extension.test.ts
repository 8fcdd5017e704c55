/**
 * `"importExtension": ".ts"`: generated files import each other as `./x.ts`, so an app runs them
 * as they are under Node's type stripping (Node 22.18+ and 24 by default), here a node:sqlite app
 * with no build step and no dependency; they type-check with `allowImportingTsExtensions` or
 * `rewriteRelativeImportExtensions`. Only the import lines change.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { withImportExtension } from "../emit/import-extension.js";
import { runIn } from "./support/run-in-runtime.js";
import { runCli } from "./support/run-cli.js";
import { tempProject, twoTables } from "./support/project.js";
import { typecheck } from "./support/typecheck.js";

const app = {
  "sqlgen.json": JSON.stringify({ schema: "schema", queries: "queries", out: "db", driver: "node:sqlite", importExtension: ".ts" }),
  "schema/001_users.sql": twoTables.users,
  "queries/users.sql": `${twoTables.usersQuery}\n-- name: CreateUser :execlastid\nINSERT INTO users (name) VALUES (?);\n`,
  "main.ts": [
    'import { DatabaseSync } from "node:sqlite";',
    'import { createUser, getUser, migrate, type User } from "./db/index.ts";',
    'const db = new DatabaseSync(":memory:");',
    "migrate(db);",
    'const user: User | undefined = getUser(db, { id: createUser(db, { name: "ada" }) });',
    "console.log(JSON.stringify(user));",
    "",
  ].join("\n"),
};

describe("importExtension .ts", () => {
  it("runs as it is under Node's type stripping, on Node 22 and 24", async () => {
    const dir = tempProject(app);
    const r = await runCli([], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, "db/index.ts"), "utf8")).toContain('export * from "./users.ts";');
    for (const runtime of ["node22", "node24"] as const) {
      const ran = runIn(runtime, join(dir, "main.ts"), [], ["--no-warnings"]);
      expect(ran.stderr, runtime).toBe("");
      expect(ran.stdout, runtime).toBe('{"id":1,"name":"ada"}\n');
    }
  });

  it("type-checks with allowImportingTsExtensions or rewriteRelativeImportExtensions, and only with one of them", async () => {
    const dir = tempProject(app);
    expect((await runCli([], dir)).code).toBe(0);
    const files = readdirSync(join(dir, "db")).map((f) => join(dir, "db", f));
    expect(typecheck(files, { allowImportingTsExtensions: true })).toEqual([]);
    expect(typecheck(files, { rewriteRelativeImportExtensions: true })).toEqual([]);
    expect(typecheck(files).join("\n")).toContain("allowImportingTsExtensions");
  });

  it("is the .js output with only its import lines changed; --import-extension wins over the file", async () => {
    const dir = tempProject(app);
    expect((await runCli([], dir)).code).toBe(0);
    expect((await runCli(["--import-extension", ".js", "--out", "js"], dir)).code).toBe(0);
    for (const f of readdirSync(join(dir, "db"))) {
      const ts = readFileSync(join(dir, "db", f), "utf8").split("\n");
      const js = readFileSync(join(dir, "js", f), "utf8").split("\n");
      const changed = ts.flatMap((line, i) => (line === js[i] ? [] : [`${js[i]} → ${line}`]));
      for (const c of changed) expect(c).toMatch(/^(import|export) .* from "\.\/([\w-]+)\.js"; → \1 .* from "\.\/\2\.ts";$/);
      expect(changed.length, f).toBe(js.filter((line) => / from "\.\//.test(line)).length);
    }
  });

  it("rewrites the leading imports only, never an import-like line in SQL text further down", () => {
    const text = '// header\n\nimport { a } from "./db.js";\n\nexport const sql = `SELECT 1\nimport { b } from "./x.js";\n`;\n';
    const out = withImportExtension(new Map([["q.ts", text]]), ".ts").get("q.ts")!;
    expect(out).toBe(text.replace('"./db.js"', '"./db.ts"'));
  });

  it("is an error in sqlgen.json for another value, naming the two it takes", async () => {
    const dir = tempProject({ ...app, "sqlgen.json": '{\n  "importExtension": "ts"\n}\n' });
    const r = await runCli([], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('sqlgen.json:2:22: error SG014: "importExtension" must be ".js" or ".ts"');
  });
});

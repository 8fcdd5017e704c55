/** sqlc drop-in: with no sqlgen.json, sqlc.yaml / sqlc.yml / sqlc.json (v1 and v2) drive the run. */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./support/run-cli.js";
import { tempProject, twoTableFolders } from "./support/project.js";
import { typecheck } from "./support/typecheck.js";

/** A typical sqlc layout: migrations and queries in several folders, Go settings, one Postgres entry. */
const sqlcV2 = `version: "2"
sql:
  - engine: "sqlite"
    schema:
      - "db/migrations/users"
      - "db/migrations/posts"
    queries:
      - "db/queries/users"
      - "db/queries/posts"
    gen:
      go:
        package: "db"
        out: "internal/db"
        emit_json_tags: true
        rename:
          user_id: "UserID"
  - engine: "postgresql"
    schema: "pg/schema.sql"
    queries: "pg/query.sql"
    gen:
      go:
        out: "internal/pg"
overrides:
  go:
    overrides:
      - db_type: "text"
        go_type: "string"
`;

const folders = twoTableFolders(["db/migrations/users", "db/migrations/posts"], ["db/queries/users", "db/queries/posts"]);

describe("sqlc.yaml (version 2)", () => {
  it("generates with no flags into gen.go.out, and type-checks under strict", async () => {
    const dir = tempProject({ ...folders, "sqlc.yaml": sqlcV2 });
    const r = await runCli([], dir);
    expect(r.code, r.stderr).toBe(0);
    const out = join(dir, "internal/db");
    expect(readdirSync(out).sort()).toEqual(["db.ts", "index.ts", "models.ts", "posts-posts.ts", "schema.ts", "users-users.ts"]);
    expect(typecheck(readdirSync(out).map((f) => join(out, f)))).toEqual([]);
    expect(existsSync(join(dir, "internal/pg"))).toBe(false);
    expect((await runCli(["check"], dir)).code).toBe(0);
  });

  it("prints one line, with its position, per setting that means nothing for TypeScript (rename and overrides apply: see sqlc-naming.test.ts)", async () => {
    const r = await runCli([], tempProject({ ...folders, "sqlc.yaml": sqlcV2 }));
    const notes = r.stderr.split("\n").filter((l) => l.includes(": note: "));
    expect(notes).toEqual([
      expect.stringMatching(/^sqlc\.yaml:12:9: note: sql\[0\]\.gen\.go\.package: /),
      expect.stringMatching(/^sqlc\.yaml:14:9: note: sql\[0\]\.gen\.go\.emit_json_tags: /),
      expect.stringMatching(/^sqlc\.yaml:17:5: note: sql\[1\]: engine postgresql is not sqlite; skipped/),
    ]);
  });

  it("runs each SQLite entry into its own output folder (codegen[].out too)", async () => {
    const config = `version: "2"
sql:
  - engine: sqlite
    schema: db/migrations/users
    queries: db/queries/users
    gen: { go: { out: out/users } }
  - engine: sqlite
    schema: [db/migrations/users, db/migrations/posts]
    queries: db/queries/posts
    codegen:
      - plugin: ts
        out: out/posts
`;
    const dir = tempProject({ ...folders, "sqlc.yml": config });
    const r = await runCli([], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(dir, "out/users/users.ts"))).toBe(true);
    expect(existsSync(join(dir, "out/posts/posts.ts"))).toBe(true);
    expect(r.stderr).toMatch(/sqlc\.yml:11:9: note: sql\[1\]\.codegen\[0\]\.plugin: /);
  });
});

describe("sqlc.json (version 1)", () => {
  it("takes packages[].path as the output folder", async () => {
    const config = { version: "1", packages: [{ name: "db", path: "gen", engine: "sqlite", schema: "db/migrations", queries: "db/queries/users", emit_prepared_queries: true }] };
    const dir = tempProject({ ...folders, "sqlc.json": JSON.stringify(config, null, 2) });
    const r = await runCli([], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(dir, "gen/users.ts"))).toBe(true);
    expect(r.stderr).toMatch(/sqlc\.json:\d+:\d+: note: packages\[0\]\.emit_prepared_queries: /);
  });
});

describe("precedence and bad sqlc configs", () => {
  it("sqlgen.json wins over sqlc.yaml; -f can name an sqlc file", async () => {
    const dir = tempProject({ ...folders, "sqlc.yaml": sqlcV2, "sqlgen.json": JSON.stringify({ schema: ["db/migrations/users"], queries: "db/queries/users", out: "mine" }) });
    expect((await runCli([], dir)).code).toBe(0);
    expect(existsSync(join(dir, "mine/users.ts"))).toBe(true);
    expect(existsSync(join(dir, "internal/db"))).toBe(false);
    expect((await runCli(["-f", "sqlc.yaml"], dir)).code).toBe(0);
    expect(existsSync(join(dir, "internal/db/users-users.ts"))).toBe(true);
  });

  it("reports an unknown version, a config without a SQLite entry, and broken YAML at their positions", async () => {
    const version = await runCli([], tempProject({ "sqlc.yaml": 'version: "3"\nsql: []\n' }));
    expect(version.code).toBe(1);
    expect(version.stderr).toContain("sqlc.yaml:1:10: error SG014");
    const none = await runCli([], tempProject({ "sqlc.yaml": 'version: "2"\nsql:\n  - engine: mysql\n    schema: s.sql\n    queries: q.sql\n' }));
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("error SG001");
    const broken = await runCli([], tempProject({ "sqlc.yaml": 'version: "2"\nsql: [\n' }));
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/sqlc\.yaml:\d+:\d+: error SG012/);
  });
});

/**
 * An sqlc v2 project on SQLite (migrations and queries in several folders) with `rename`,
 * `overrides` (global and per entry, column and db_type, string and object go_types),
 * `inflection_exclude_table_names`: it generates with no flags, the names and types are applied,
 * what cannot be is said at its position, and the output type-checks and runs.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliResult } from "./support/run-cli.js";
import { tempProject } from "./support/project.js";
import { typecheck } from "./support/typecheck.js";

const sqlcYaml = `version: "2"
overrides:
  go:
    rename:
      user: Account
    overrides:
      - db_type: "tinyint"
        go_type: "bool"
      - column: "posts.published_at"
        go_type: "time.Time"
      - column: "users.name"
        go_type: "example.com/names.Name"
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
          url: "URLString"
        overrides:
          - column: "posts.meta"
            go_type: "string"
          - column: "*.score"
            go_type:
              type: "int64"
              pointer: true
          - db_type: "integer"
            go_type: "database/sql.NullString"
        inflection_exclude_table_names: ["statuses"]
`;

const project = {
  "sqlc.yaml": sqlcYaml,
  "db/migrations/users/001_users.sql": "-- +goose Up\nCREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, url TEXT);\nCREATE TABLE statuses (code TEXT PRIMARY KEY);\n-- +goose Down\nDROP TABLE users;\n",
  "db/migrations/posts/002_posts.sql":
    "CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id), meta, score INTEGER NOT NULL, pinned TINYINT NOT NULL, published_at TEXT);\n",
  "db/queries/users/users.sql": "-- name: GetUser :one\nSELECT * FROM users WHERE id = ?;\n",
  "db/queries/posts/posts.sql":
    "-- name: ListPosts :many\nSELECT sqlc.embed(u), p.id, p.user_id, p.meta, p.score, p.pinned FROM posts p JOIN users u ON u.id = p.user_id ORDER BY p.id;\n" +
    "-- name: SetPinned :exec\nUPDATE posts SET pinned = ?, meta = ? WHERE id = ? AND pinned <> ?;\n",
};

let dir = "";
let run: CliResult;
const out = () => join(dir, "internal/db");
const read = (f: string) => readFileSync(join(out(), f), "utf8");

beforeAll(async () => {
  dir = tempProject(project);
  run = await runCli([], dir);
});

describe("an sqlc v2 project with rename and overrides", () => {
  it("generates with no flags into gen.go.out and type-checks under the strictest settings", () => {
    expect(run.code, run.stderr).toBe(0);
    expect(typecheck(readdirSync(out()).map((f) => join(out(), f)))).toEqual([]);
  });

  it("names models singular, renamed (user → Account) or excluded (statuses), fields renamed (user_id → userID), and an embed after its renamed model", () => {
    const models = read("models.ts");
    expect(models).toContain("export interface Account {");
    expect(models).toContain("export interface Post {");
    expect(models).toContain("export interface Statuses {");
    expect(models).toContain("  urlString: string | null;");
    expect(models).toContain("  userID: number;");
    expect(read("posts-posts.ts")).toContain("  account: Account;\n  id: number;\n  userID: number;");
  });

  it("types columns by column and by db_type override, never narrowing NULL", () => {
    const models = read("models.ts");
    expect(models).toContain("  meta: string | null;");
    expect(models).toContain("  score: number | null;");
    expect(models).toContain("  pinned: boolean;");
    expect(read("posts-posts.ts")).toContain("  pinned: boolean;");
  });

  it("types a parameter by the override of the column it is stored in or compared with", () => {
    expect(read("posts-posts.ts")).toContain("export interface SetPinnedParams {\n  pinned: boolean;\n  meta: string | null;\n  id: number;\n  pinned2: boolean;\n}");
  });

  it("turns an override to time.Time into a date type option (stored as text here: ISO-8601)", () => {
    expect(read("models.ts")).toContain("  publishedAt: Date | null;");
  });

  it("says at its position what it cannot apply: a Go type with no TypeScript meaning, an override that would need a conversion", () => {
    expect(run.stderr).toMatch(/sqlc\.yaml:11:9: note: overrides\.go\.overrides\[2\]: go_type example\.com\/names\.Name has no TypeScript type in sqlgen's sqlc drop-in yet/);
    expect(run.stderr).toMatch(/sqlc\.yaml:36:13: warning SG018: (users|posts)\.id is read as number, not string: this override is not applied there/);
    expect(run.stderr).not.toMatch(/note: .*rename/);
  });

  it("runs: renamed fields hold the columns' values, overridden booleans are booleans", async () => {
    const generated = (await import(pathToFileURL(join(out(), "index.ts")).href)) as Record<string, (db: unknown, p?: unknown) => unknown>;
    const db = new Database(":memory:");
    generated["migrate"]!(db);
    db.exec("INSERT INTO users VALUES (1, 'ada', 'https://a.example'); INSERT INTO posts VALUES (7, 1, 'm', 3, 1, NULL);");
    expect(generated["getUser"]!(db, { id: 1 })).toEqual({ id: 1, name: "ada", urlString: "https://a.example" });
    expect(generated["listPosts"]!(db)).toEqual([{ account: { id: 1, name: "ada", urlString: "https://a.example" }, id: 7, userID: 1, meta: "m", score: 3, pinned: true }]);
    generated["setPinned"]!(db, { pinned: false, meta: "n", id: 7, pinned2: false });
    expect(db.prepare("SELECT pinned, meta FROM posts").get()).toEqual({ pinned: 0, meta: "n" });
  });
});

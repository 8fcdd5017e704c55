/**
 * The generated `migrate()` on every driver of the conformance suite, in the suite's runtimes and
 * through its adapters (a fresh database each): a fresh database gets every migration, a second
 * run nothing, an added schema file only itself; a failing migration changes nothing (its earlier
 * statements rolled back, the version kept); older code refuses a newer database.
 */
import { execFile } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { transformSync } from "esbuild";
import { expect, it } from "vitest";
import { nativeModules, runtimeBinary } from "../conformance/runtimes.js";
import { suite, type SuiteDriver } from "../conformance/suite.js";
import { runCli } from "../support/run-cli.js";
import { tempProject } from "../support/project.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const work = fileURLToPath(new URL("../../../.conformance/migrate/", import.meta.url));

const users = "-- +goose Up\nCREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n\n-- +goose Down\nDROP TABLE users;\n";
const posts = "-- migrate:up\nCREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id));\nCREATE INDEX posts_user ON posts (user_id);\n\n-- migrate:down\nDROP TABLE posts;\n";
const countUsers = "-- name: CountUsers :one\nSELECT count(*) AS n FROM users;\n\n-- name: AddUser :exec\nINSERT INTO users (name) VALUES ('u');\n";

/** Four versions of one project: each is the one before with a schema file added. */
const projects: Record<string, Record<string, string>> = {
  v1: { "schema/001_users.sql": users, "queries/users.sql": countUsers },
  v2: { "schema/001_users.sql": users, "schema/002_posts.sql": posts, "queries/users.sql": countUsers },
  // With two users, its first statement succeeds and its second fails (a duplicate key): neither may remain.
  bad: { "schema/001_users.sql": users, "schema/002_posts.sql": posts, "schema/003_tags.sql": "CREATE TABLE tags (name TEXT PRIMARY KEY);\nINSERT INTO tags (name) SELECT 'same' FROM users;\n", "queries/users.sql": countUsers },
  fixed: {
    "schema/001_users.sql": users,
    "schema/002_posts.sql": posts,
    "schema/003_tags.sql": "CREATE TABLE tags (name TEXT PRIMARY KEY);\n",
    "queries/users.sql": countUsers + "\n-- name: CountTags :one\nSELECT count(*) AS n FROM tags;\n\n-- name: AddTag :exec\nINSERT INTO tags (name) VALUES ('a');\n",
  },
};

const slug = (s: SuiteDriver) => s.driver.replace(/[^\w-]/g, "_");

/** Generates each project for the driver and compiles it to JavaScript under .conformance/migrate/<driver>/. */
async function build(s: SuiteDriver): Promise<string> {
  const root = join(work, slug(s));
  rmSync(root, { recursive: true, force: true });
  for (const [name, files] of Object.entries(projects)) {
    const dir = tempProject(files);
    const r = await runCli(["--schema", "schema", "--queries", "queries", "--out", "out", "--driver", s.driver], dir);
    expect(r.code, r.stderr).toBe(0);
    compile(join(dir, "out"), join(root, name));
  }
  compile(join(here, "../conformance/adapters"), join(root, "adapters"), [s.adapter]);
  compile(here, root, ["migrate-scenario.ts"]);
  return root;
}

function compile(from: string, to: string, only?: readonly string[]): void {
  mkdirSync(to, { recursive: true });
  for (const f of only ?? readdirSync(from).filter((x) => x.endsWith(".ts"))) {
    writeFileSync(join(to, f.replace(/\.ts$/, ".js")), transformSync(readFileSync(join(from, f), "utf8"), { loader: "ts", format: "esm", target: "es2022" }).code);
  }
}

const expected = {
  fresh: ["1 schema/001_users.sql"],
  again: [],
  "added file": ["2 schema/002_posts.sql"],
  "failing file": { threw: expect.stringMatching(/^migrate\(\): .*3 \(schema\/003_tags\.sql\).* failed: .*(UNIQUE|constraint)/i) },
  "after the failure": [],
  "fixed file": ["3 schema/003_tags.sql"],
  tables: { users: 2, tags: 1 },
  "older code": { threw: expect.stringContaining("the database is at version 3, but this schema has 1 migration(s)") },
};

it.each(suite.map((s) => [s.driver, s] as const))("%s: migrate() applies what is missing, once, all or nothing", async (_, s) => {
  const root = await build(s);
  const runtime = s.runtimes[0]!;
  const env = s.native === true ? { ...process.env, SQLGEN_NATIVE_MODULES: nativeModules(runtime) } : process.env;
  const { stdout } = await promisify(execFile)(runtimeBinary(runtime), [join(root, "migrate-scenario.js"), join(root, "adapters", s.adapter.replace(/\.ts$/, ".js")), root], { timeout: 120_000, env });
  expect(JSON.parse(stdout)).toEqual(expected);
}, 180_000);

/** Temporary user projects for CLI tests: files written from a map of path → text. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export function tempProject(files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), "sqlgen-project-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** Two tables in two schema files and a query over each: enough to see every path honoured. */
export const twoTables = {
  users: "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n",
  posts: "CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id), title TEXT NOT NULL);\n",
  usersQuery: "-- name: GetUser :one\nSELECT * FROM users WHERE id = ?;\n",
  postsQuery: "-- name: ListPosts :many\nSELECT p.id, p.title, u.name FROM posts p JOIN users u ON u.id = p.user_id;\n",
} as const;

/** `twoTables` laid out in four folders: a schema folder per table, a queries folder per query file. */
export function twoTableFolders(schema: readonly [string, string], queries: readonly [string, string]): Record<string, string> {
  return {
    [`${schema[0]}/001_users.sql`]: twoTables.users,
    [`${schema[1]}/002_posts.sql`]: twoTables.posts,
    [`${queries[0]}/users.sql`]: twoTables.usersQuery,
    [`${queries[1]}/posts.sql`]: twoTables.postsQuery,
  };
}

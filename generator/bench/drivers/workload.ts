/**
 * The cross-driver benchmark's workload: the streaming application's five hot queries on one
 * table of requests (100k rows by default), seeded by SQL alone so every driver loads the same
 * rows through its own `exec`.
 */
export const schema = `CREATE TABLE http (
  id BLOB NOT NULL PRIMARY KEY,
  workspace_id BLOB NOT NULL,
  parent_id BLOB,
  name TEXT NOT NULL,
  url TEXT,
  method TEXT NOT NULL,
  is_delta BOOLEAN NOT NULL,
  version INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX http_workspace_order ON http (workspace_id, updated_at, id);
CREATE INDEX http_parent_order ON http (parent_id, updated_at, id);
`;

const columns = "id, name, url, method, is_delta, version, updated_at";

export const queries = `-- name: SnapshotPage :many
SELECT ${columns} FROM http WHERE workspace_id = ? AND (updated_at, id) > (sqlc.arg(after_updated_at), sqlc.arg(after_id)) ORDER BY updated_at, id LIMIT sqlc.arg(page_size);

-- name: PollChanges :many
SELECT ${columns} FROM http WHERE workspace_id = ? AND updated_at > sqlc.arg(since) ORDER BY updated_at, id LIMIT 100;

-- name: DeltasOf :many
SELECT ${columns} FROM http WHERE parent_id IN (sqlc.slice('parent_ids')) ORDER BY updated_at, id;

-- name: GetHttp :one
SELECT ${columns} FROM http WHERE id = ?;

-- name: RenameHttp :execrows
UPDATE http SET name = ?, updated_at = ? WHERE id = ?;
`;

/** The SQL each hand-written form runs: the statements above with their placeholders spelled out. */
export const handSql = {
  snapshotPage: `SELECT ${columns} FROM http WHERE workspace_id = ? AND (updated_at, id) > (?, ?) ORDER BY updated_at, id LIMIT ?`,
  pollChanges: `SELECT ${columns} FROM http WHERE workspace_id = ? AND updated_at > ? ORDER BY updated_at, id LIMIT 100`,
  deltasOf: `SELECT ${columns} FROM http WHERE parent_id IN (${Array(20).fill("?").join(", ")}) ORDER BY updated_at, id`,
  getHttp: `SELECT ${columns} FROM http WHERE id = ?`,
  renameHttp: "UPDATE http SET name = ?, updated_at = ? WHERE id = ?",
} as const;

/** Ten workspaces; every fifth row is a base request, the four after it its deltas. */
export function seedSql(rows: number): string {
  return `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ${rows})
INSERT INTO http SELECT
  CAST(printf('%016d', i) AS BLOB),
  CAST(char(65 + i % 10) AS BLOB),
  CASE WHEN i % 5 = 0 THEN NULL ELSE CAST(printf('%016d', i - i % 5) AS BLOB) END,
  'request ' || i,
  CASE WHEN i % 3 = 0 THEN NULL ELSE 'https://example.com/' || i END,
  CASE WHEN i % 2 = 0 THEN 'GET' ELSE 'POST' END,
  i % 5 <> 0,
  1,
  1700000000 + i
FROM n;`;
}

/** Row `i`'s id, as the seed makes it. */
export function idOf(i: number): Uint8Array {
  return new TextEncoder().encode(String(i).padStart(16, "0"));
}

export interface Row {
  id: Uint8Array;
  name: string;
  url: string | null;
  method: string;
  isDelta: boolean;
  version: number;
  updatedAt: number;
}

/** The mapper a careful hand-written data layer uses on array rows. */
export function toRow(r: unknown[]): Row {
  return { id: r[0] as Uint8Array, name: r[1] as string, url: r[2] as string | null, method: r[3] as string, isDelta: !!r[4], version: r[5] as number, updatedAt: r[6] as number };
}

/** Each query's hand-written form on one driver: returns how many rows (or changes) it saw. */
export interface HandForms {
  snapshotPage(workspaceId: Uint8Array, afterUpdatedAt: number, afterId: Uint8Array, pageSize: number): number | Promise<number>;
  pollChanges(workspaceId: Uint8Array, since: number): number | Promise<number>;
  deltasOf(parentIds: readonly Uint8Array[]): number | Promise<number>;
  getHttp(id: Uint8Array): number | Promise<number>;
  renameHttp(name: string, updatedAt: number, id: Uint8Array): number | Promise<number>;
}

/** A driver's side of the benchmark: a seeded connection and its hand-written forms. */
export interface BenchDriver {
  open(): Promise<{ db: unknown; exec(sql: string): void | Promise<void>; close(): void | Promise<void> }>;
  hand(db: unknown): HandForms;
}

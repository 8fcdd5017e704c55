-- The spec's streaming queries (docs/spec sections 1, 3 and 4), made correct for SQLite.

-- High-performance snapshot, one keyset page at a time: base requests of a workspace after the
-- cursor (updated_at, id) of the previous page. Start with after_updated_at = -1 (everything) or
-- since - 1 (an incremental snapshot), and after_id = x'' (sorts before every id). The cursor is the
-- only lower bound, so SQLite seeks straight to it; a separate `updated_at >= ?` would become the
-- index range instead and make every page rescan from `since`. The spec paged with LIMIT/OFFSET,
-- which rereads skipped rows and skips or repeats rows when writes happen between pages.
-- name: GetHTTPWorkspaceSnapshotStreaming :many
-- plan: uses http_workspace_streaming_idx
-- plan: no-scan
-- plan: no-sort
SELECT
    h.id,
    h.workspace_id,
    h.folder_id,
    h.name,
    h.url,
    h.method,
    h.description,
    h.version,
    h.created_at,
    h.updated_at,
    h.is_delta,
    -- Pre-computed flags for faster client-side filtering
    CASE WHEN h.is_delta = TRUE THEN 1 ELSE 0 END AS delta_flag,
    CASE WHEN h.parent_http_id IS NOT NULL THEN 1 ELSE 0 END AS has_parent_flag
FROM http h
WHERE h.workspace_id = sqlc.arg(workspace_id)
    AND h.is_delta = FALSE
    AND (h.updated_at, h.id) > (sqlc.arg(after_updated_at), sqlc.arg(after_id))
ORDER BY h.updated_at, h.id
LIMIT sqlc.arg(page_size);

-- The spec's LIMIT/OFFSET pagination, kept only to benchmark the keyset version against.
-- name: GetHTTPWorkspaceSnapshotOffset :many
SELECT h.id, h.name, h.updated_at
FROM http h
WHERE h.workspace_id = ? AND h.is_delta = FALSE AND h.updated_at >= ?
ORDER BY h.updated_at DESC, h.id DESC
LIMIT ? OFFSET ?;

-- Incremental streaming of base requests after a keyset cursor, in (updated_at, id) order.
-- change_type: 'created' for a row the client cannot have seen (created after the cursor's second, or
-- never updated); the spec tested updated_at first and so called every new row 'updated'.
-- name: StreamHTTPUpdates :many
-- plan: uses http_workspace_streaming_idx
-- plan: no-scan
-- plan: no-sort
SELECT
    h.id,
    h.workspace_id,
    h.folder_id,
    h.name,
    h.url,
    h.method,
    h.description,
    h.version,
    h.updated_at,
    h.created_at,
    h.is_delta,
    h.parent_http_id,
    CASE
        WHEN h.created_at > sqlc.arg(after_updated_at) OR h.version = 1 THEN 'created'
        ELSE 'updated'
    END AS change_type
FROM http h
WHERE h.workspace_id = sqlc.arg(workspace_id)
    AND h.is_delta = FALSE
    AND (h.updated_at, h.id) > (sqlc.arg(after_updated_at), sqlc.arg(after_id))
ORDER BY h.updated_at, h.id
LIMIT sqlc.arg(batch_size);

-- Deltas of the given base requests changed after a keyset cursor.
-- name: StreamHTTPDeltas :many
-- plan: uses http_delta_resolution_idx
-- plan: no-scan
SELECT
    h.id,
    h.parent_http_id,
    h.delta_name,
    h.delta_url,
    h.delta_method,
    h.delta_description,
    h.updated_at
FROM http h
WHERE h.parent_http_id IN (sqlc.slice('parent_ids'))
    AND h.is_delta = TRUE
    AND (h.updated_at, h.id) > (sqlc.arg(after_updated_at), sqlc.arg(after_id))
ORDER BY h.parent_http_id, h.updated_at, h.id;

-- A request as it stood at `as_of`: its base with every delta updated at or before `as_of` applied
-- in (updated_at, id) order, each delta field that is not NULL overriding the value before it. So
-- each field is the latest delta's that sets it, else the base's: one index search per field, no
-- recursion (applying the deltas one by one in a recursive CTE took twice the time). The spec took
-- the deepest row of a parent/child chain, which picked an arbitrary delta when a request had several.
-- name: ResolveHTTPWithDeltasOptimized :one
-- plan: uses http_delta_resolution_idx
-- plan: no-scan
SELECT
    h.id,
    COALESCE((SELECT d.delta_name FROM http d
              WHERE d.parent_http_id = h.id AND d.is_delta = TRUE AND d.updated_at <= sqlc.arg(as_of) AND d.delta_name IS NOT NULL
              ORDER BY d.updated_at DESC, d.id DESC LIMIT 1), h.name) AS name,
    COALESCE((SELECT d.delta_url FROM http d
              WHERE d.parent_http_id = h.id AND d.is_delta = TRUE AND d.updated_at <= sqlc.arg(as_of) AND d.delta_url IS NOT NULL
              ORDER BY d.updated_at DESC, d.id DESC LIMIT 1), h.url) AS url,
    COALESCE((SELECT d.delta_method FROM http d
              WHERE d.parent_http_id = h.id AND d.is_delta = TRUE AND d.updated_at <= sqlc.arg(as_of) AND d.delta_method IS NOT NULL
              ORDER BY d.updated_at DESC, d.id DESC LIMIT 1), h.method) AS method,
    COALESCE((SELECT d.delta_description FROM http d
              WHERE d.parent_http_id = h.id AND d.is_delta = TRUE AND d.updated_at <= sqlc.arg(as_of) AND d.delta_description IS NOT NULL
              ORDER BY d.updated_at DESC, d.id DESC LIMIT 1), h.description) AS description,
    max(h.updated_at, COALESCE((SELECT max(d.updated_at) FROM http d
              WHERE d.parent_http_id = h.id AND d.is_delta = TRUE AND d.updated_at <= sqlc.arg(as_of)), h.updated_at)) AS updated_at
FROM http h
WHERE h.id = sqlc.arg(id) AND h.is_delta = FALSE;

-- Optimistic locking on a version number: returns 0 rows changed when another writer got there
-- first. The spec compared updated_at, which lets two updates within one second both win.
-- name: TestConcurrentHTTPUpdate :execrows
UPDATE http
SET name = ?, version = version + 1, updated_at = unixepoch()
WHERE id = ?
    AND workspace_id = ?
    AND version = ?;

-- The spec's LockHTTPForStreamingUpdate ended in FOR UPDATE SKIP LOCKED, which SQLite does not have
-- (it has no row locks). Run this read inside immediate() from generated/db.ts: BEGIN IMMEDIATE takes
-- the database's write lock up front, so nothing can change the row until the transaction ends.
-- name: LockHTTPForStreamingUpdate :one
SELECT id, workspace_id, updated_at, version
FROM http
WHERE id = ? AND workspace_id = ?;

-- Finds requests whose references are broken (possible when rows were written with foreign keys off).
-- name: ValidateHTTPForeignKeysBatch :many
-- plan: no-scan
SELECT
    h.id,
    h.workspace_id,
    h.folder_id,
    h.parent_http_id,
    CASE
        WHEN w.id IS NULL THEN 'invalid_workspace'
        WHEN h.folder_id IS NOT NULL AND f.id IS NULL THEN 'invalid_folder'
        WHEN h.parent_http_id IS NOT NULL AND p.id IS NULL THEN 'invalid_parent'
        ELSE 'valid'
    END AS validation_status
FROM http h
LEFT JOIN workspaces w ON h.workspace_id = w.id
LEFT JOIN files f ON h.folder_id = f.id
LEFT JOIN http p ON h.parent_http_id = p.id
WHERE h.workspace_id = ?
    AND h.updated_at > ?
ORDER BY h.updated_at ASC, h.id;

-- Deletes a request and every request derived from it. With foreign_keys=ON, ON DELETE CASCADE
-- removes their child rows too. The unary + on workspace_id keeps SQLite from using a workspace
-- index there (it would read the whole workspace per tree node): rows are found by id and parent.
-- name: CascadeHTTPDeleteStreaming :execrows
-- plan: uses http_delta_resolution_idx
-- plan: no-scan
WITH RECURSIVE delete_tree AS (
    SELECT id, workspace_id, 0 AS level
    FROM http
    WHERE id = sqlc.arg(id) AND workspace_id = sqlc.arg(workspace_id)

    UNION ALL

    SELECT
        h.id,
        h.workspace_id,
        dt.level + 1
    FROM http h
    INNER JOIN delete_tree dt ON h.parent_http_id = dt.id
    WHERE +h.workspace_id = sqlc.arg(workspace_id)
)
DELETE FROM http
WHERE id IN (SELECT id FROM delete_tree)
    AND +workspace_id = sqlc.arg(workspace_id);

-- Requests of a workspace changed since a cutoff (the replacement for the spec's 24-hour partial index).
-- name: ListRecentHTTPActivity :many
-- plan: uses http_recent_activity_idx
-- plan: no-sort
SELECT id, workspace_id, name, updated_at
FROM http
WHERE updated_at > sqlc.arg(since)
ORDER BY updated_at DESC
LIMIT sqlc.arg(max_rows);

-- The spec's starting point (section 1.1, "current issue"): every request of a workspace at once.
-- Kept for small workspaces and as the baseline of the snapshot query; it uses the workspace index.
-- name: GetHTTPsByWorkspaceID :many
-- plan: no-scan
SELECT * FROM http WHERE workspace_id = ? ORDER BY updated_at, id;

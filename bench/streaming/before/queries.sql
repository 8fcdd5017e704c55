-- The "before" of bench:streaming: the spec's queries as printed (sections 1.1–1.3, 4.1, 4.2), run on
-- before/schema.sql. Only one change was needed to run them on SQLite, marked where it is made:
-- sqlc.slice('parent_ids') is a sqlc macro, not SQL; it is written here as `?` /*slice*/, which
-- before.ts replaces by one `?` per list item, as sqlc's generated code does.

-- name: GetHTTPsByWorkspaceID
-- Section 1.1's "current issue", named but not printed by the spec: a workspace read whole.
SELECT * FROM http WHERE workspace_id = ?;

-- name: GetHTTPWorkspaceSnapshotStreaming
SELECT
    h.id,
    h.workspace_id,
    h.folder_id,
    h.name,
    h.url,
    h.method,
    h.description,
    h.created_at,
    h.updated_at,
    h.is_delta,
    CASE WHEN h.is_delta = TRUE THEN 1 ELSE 0 END as delta_flag,
    CASE WHEN h.parent_http_id IS NOT NULL THEN 1 ELSE 0 END as has_parent_flag
FROM http h
WHERE h.workspace_id = ?
    AND h.is_delta = FALSE
    AND h.updated_at >= ?
ORDER BY h.updated_at DESC
LIMIT ? OFFSET ?;

-- name: StreamHTTPUpdates
SELECT
    h.id,
    h.workspace_id,
    h.folder_id,
    h.name,
    h.url,
    h.method,
    h.description,
    h.updated_at,
    h.created_at,
    h.is_delta,
    h.parent_http_id,
    CASE
        WHEN h.updated_at > ? THEN 'updated'
        WHEN h.created_at > ? THEN 'created'
        ELSE 'unchanged'
    END as change_type
FROM http h
WHERE h.workspace_id = ?
    AND (h.updated_at > ? OR h.created_at > ?)
    AND h.is_delta = FALSE
ORDER BY h.updated_at ASC
LIMIT ?;

-- name: StreamHTTPDeltas
SELECT
    h.id,
    h.parent_http_id,
    h.delta_name,
    h.delta_url,
    h.delta_method,
    h.delta_description,
    h.updated_at
FROM http h
WHERE h.parent_http_id IN (? /*slice*/)  -- changed: was sqlc.slice('parent_ids')
    AND h.is_delta = TRUE
    AND h.updated_at > ?
ORDER BY h.parent_http_id, h.updated_at ASC;

-- name: ResolveHTTPWithDeltasOptimized
WITH RECURSIVE delta_chain AS (
    SELECT
        h.id,
        h.name,
        h.url,
        h.method,
        h.description,
        h.updated_at,
        0 as level
    FROM http h
    WHERE h.id = ? AND h.is_delta = FALSE

    UNION ALL

    SELECT
        d.id,
        COALESCE(d.delta_name, dc.name) as name,
        COALESCE(d.delta_url, dc.url) as url,
        COALESCE(d.delta_method, dc.method) as method,
        COALESCE(d.delta_description, dc.description) as description,
        d.updated_at,
        dc.level + 1 as level
    FROM http d
    INNER JOIN delta_chain dc ON d.parent_http_id = dc.id
    WHERE d.is_delta = TRUE
        AND d.parent_http_id = dc.id
        AND d.updated_at <= ?
)
SELECT
    id,
    name,
    url,
    method,
    description,
    updated_at
FROM delta_chain
ORDER BY level DESC
LIMIT 1;

-- name: ValidateHTTPForeignKeysBatch
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
    END as validation_status
FROM http h
LEFT JOIN workspaces w ON h.workspace_id = w.id
LEFT JOIN files f ON h.folder_id = f.id
LEFT JOIN http p ON h.parent_http_id = p.id
WHERE h.workspace_id = ?
    AND h.updated_at > ?
ORDER BY h.updated_at ASC;

-- name: CascadeHTTPDeleteStreaming
WITH RECURSIVE delete_tree AS (
    SELECT id, workspace_id, 0 as level
    FROM http
    WHERE id = ? AND workspace_id = ?

    UNION ALL

    SELECT
        h.id,
        h.workspace_id,
        dt.level + 1
    FROM http h
    INNER JOIN delete_tree dt ON h.parent_http_id = dt.id
    WHERE h.workspace_id = ?
)
DELETE FROM http
WHERE id IN (SELECT id FROM delete_tree)
    AND workspace_id = ?;

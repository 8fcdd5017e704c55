-- The change feed of a workspace after `after_seq`, oldest first. For requests, the row as it is now
-- (NULL once deleted): a client applies each change in order and converges on the database's state.
-- name: StreamWorkspaceChanges :many
-- plan: uses change_log_workspace_idx
-- plan: no-scan
-- plan: no-sort
SELECT c.seq, c.table_name, c.row_id, c.http_id, c.op, h.name, h.url, h.method, h.version, h.is_delta, h.updated_at
FROM change_log c
LEFT JOIN http h ON c.table_name = 'http' AND h.id = c.row_id
WHERE c.workspace_id = sqlc.arg(workspace_id) AND c.seq > sqlc.arg(after_seq)
ORDER BY c.seq
LIMIT sqlc.arg(batch_size);

-- The feed position a snapshot corresponds to: read it in the same transaction as the snapshot.
-- name: LatestChangeSeq :one
SELECT coalesce(max(seq), 0) AS seq FROM change_log WHERE workspace_id = ?;

-- The newest seq of every workspace's feed: it moves whenever any connection commits a change. A
-- process on a driver without one stable connection (a pool, a remote server) polls it to notice
-- other processes' writes, where better-sqlite3 uses PRAGMA data_version.
-- name: ChangeLogHead :one
SELECT coalesce(max(seq), 0) AS seq FROM change_log;

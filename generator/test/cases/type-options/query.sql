-- name: GetWorkspace :one
SELECT * FROM workspaces WHERE id = ?;

-- name: CreateWorkspace :exec
INSERT INTO workspaces (id, name, settings, archived_at, created_at) VALUES (?, ?, ?, ?, ?);

-- name: ArchivedBefore :many
SELECT id, name, archived_at FROM workspaces WHERE archived_at < ? ORDER BY archived_at;

-- name: CreateRequest :exec
INSERT INTO requests (id, workspace_id, method, body, sent_at_ms) VALUES (?, ?, ?, ?, ?);

-- name: ListRequests :many
SELECT r.id, r.method, r.body, r.sent_at_ms, w.name AS workspace
FROM requests r JOIN workspaces w ON w.id = r.workspace_id
WHERE r.workspace_id = ? AND r.method IN (sqlc.slice('methods'))
ORDER BY r.id;

-- name: RequestsSentAt :many
SELECT id, sent_at_ms FROM requests WHERE sent_at_ms IN (sqlc.slice('times')) ORDER BY sent_at_ms;

-- name: LatestRequest :one
SELECT max(sent_at_ms) AS latest, count(*) AS n FROM requests WHERE workspace_id = ?;

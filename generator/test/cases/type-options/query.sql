-- name: GetWorkspace :one
SELECT * FROM workspaces WHERE id = ?;

-- name: CreateWorkspace :exec
INSERT INTO workspaces (id, name, settings, archived_at, created_at) VALUES (?, ?, ?, ?, ?);

-- name: ArchivedBefore :many
SELECT id, name, archived_at FROM workspaces WHERE archived_at < ? ORDER BY archived_at;

-- name: CreateRequest :exec
INSERT INTO requests (id, workspace_id, method, body, sent_at_ms, size) VALUES (?, ?, ?, ?, ?, ?);

-- name: ListRequests :many
SELECT r.id, r.method, r.body, r.sent_at_ms, r.size, w.name AS workspace
FROM requests r JOIN workspaces w ON w.id = r.workspace_id
WHERE r.workspace_id = ? AND r.method IN (sqlc.slice('methods'))
ORDER BY r.size;

-- name: RequestsSentAt :many
SELECT id, sent_at_ms FROM requests WHERE sent_at_ms IN (sqlc.slice('times')) ORDER BY sent_at_ms;

-- name: LargestRequest :one
SELECT max(size) AS largest, count(*) AS n FROM requests WHERE workspace_id = ?;

-- name: LogEvent :execlastid
INSERT INTO events (id, request_id, note) VALUES (?, ?, ?);

-- name: ListEvents :many
SELECT * FROM events WHERE request_id = ? ORDER BY id;

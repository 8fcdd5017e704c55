-- name: CloneWorkspace :exec
INSERT INTO workspaces (id, name)
SELECT ?, name || ' (copy)' FROM workspaces WHERE id = ?;

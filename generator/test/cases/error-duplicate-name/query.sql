-- name: GetWorkspace :one
SELECT * FROM workspaces WHERE id = ?;

-- name: GetWorkspace :one
SELECT name FROM workspaces WHERE id = ?;

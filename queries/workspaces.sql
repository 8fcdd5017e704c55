-- name: CreateWorkspace :exec
INSERT INTO workspaces (id, name) VALUES (?, ?);

-- name: GetWorkspace :one
SELECT * FROM workspaces WHERE id = ?;

-- name: ListWorkspaces :many
SELECT * FROM workspaces ORDER BY name, id;

-- name: RenameWorkspace :execrows
UPDATE workspaces SET name = ?, updated_at = unixepoch() WHERE id = ?;

-- Deletes the workspace with its folders, requests and their children (ON DELETE CASCADE).
-- name: DeleteWorkspace :execrows
DELETE FROM workspaces WHERE id = ?;

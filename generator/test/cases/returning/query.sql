-- name: CreateWorkspace :one
INSERT INTO workspaces (id, name) VALUES (?, ?) RETURNING *;

-- name: DeleteWorkspaceReturning :many
DELETE FROM workspaces WHERE created_at < ? RETURNING id, name || '!' AS shout;

-- Exactly the table's columns, in order, with its types: the Row type is the model.
-- name: GetWorkspace :one
SELECT * FROM workspaces WHERE id = ?;

-- name: ListWorkspaces :many
SELECT id, name, created_at FROM workspaces ORDER BY name;

-- name: DeleteWorkspace :one
DELETE FROM workspaces WHERE id = ? RETURNING *;

-- Another order, a missing column or another nullability is a row of its own.
-- name: ListWorkspacesByName :many
SELECT name, id, created_at FROM workspaces;

-- name: ListNamedUrls :many
SELECT * FROM http WHERE url IS NOT NULL;

-- name: ListWorkspaces :many
SELECT id, name FROM workspaces;

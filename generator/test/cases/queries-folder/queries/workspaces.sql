-- name: ListWorkspaceNames :many
SELECT name FROM workspaces ORDER BY name;

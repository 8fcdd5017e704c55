-- name: ListHttpByWorkspace :many
SELECT id, name, url FROM http WHERE workspace_id = ? ORDER BY name;

-- name: Pair :many
SELECT h.id, w.id, h.name, w.name FROM http h JOIN workspaces w ON w.id = h.workspace_id;

-- name: CopyWorkspaceName :one
UPDATE http SET name = w.name
FROM workspaces w
WHERE w.id = http.workspace_id AND http.id = ?
RETURNING http.id, http.name, http.url;

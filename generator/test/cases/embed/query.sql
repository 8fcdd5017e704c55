-- name: GetHttpWithWorkspace :one
SELECT sqlc.embed(h), sqlc.embed(w)
FROM http h JOIN workspaces w ON w.id = h.workspace_id
WHERE h.id = ?;

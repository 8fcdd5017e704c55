-- The nested object is named after the table's model (`http`, `workspaces`).
-- name: GetHttpWithWorkspace :one
SELECT sqlc.embed(h), sqlc.embed(w) FROM http h JOIN workspaces w ON w.id = h.workspace_id WHERE h.id = ?;

-- The same table embedded twice: each object takes its alias.
-- name: GetHttpAndParent :one
SELECT sqlc.embed(child), sqlc.embed(parent) FROM http child JOIN http parent ON parent.id = child.parent_http_id WHERE child.id = ?;

-- `AS` renames the object.
-- name: GetHttpWithOwner :one
SELECT sqlc.embed(h) AS request, sqlc.embed(w) AS owner FROM http h JOIN workspaces w ON w.id = h.workspace_id WHERE h.id = ?;

-- A result with one column returns the value itself, as sqlc does.
-- name: GetHttpName :one
SELECT name FROM http WHERE id = ?;

-- :many returns an array of values, and the iterator yields them one by one.
-- name: ListHttpUrls :many
SELECT url FROM http WHERE workspace_id = ? ORDER BY name;

-- A one-column result of an unknown type is `unknown` (which includes null).
-- name: ListValues :many
SELECT value FROM json_each(?);

-- One embedded table is still an object: sqlc.embed always nests.
-- name: GetWorkspaceEmbedded :one
SELECT sqlc.embed(workspaces) FROM workspaces WHERE id = ?;

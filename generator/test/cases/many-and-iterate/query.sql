-- name: ListHttpByWorkspace :many
SELECT id, name, url FROM http WHERE workspace_id = ? ORDER BY name;

-- A write next to an iteration: the runtime tests abandon, nest and interrupt iterators with it.
-- name: RenameWorkspace :execrows
UPDATE workspaces SET name = ? WHERE id = ?;

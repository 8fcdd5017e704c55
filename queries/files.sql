-- name: CreateFolder :exec
INSERT INTO files (id, workspace_id, parent_id, name) VALUES (?, ?, ?, ?);

-- name: GetFolder :one
SELECT * FROM files WHERE id = ? AND workspace_id = ?;

-- name: ListFolders :many
SELECT * FROM files WHERE workspace_id = ? ORDER BY parent_id, name, id;

-- name: MoveFolder :execrows
UPDATE files SET parent_id = ?, updated_at = unixepoch() WHERE id = ? AND workspace_id = ?;

-- name: RenameFolder :execrows
UPDATE files SET name = ?, updated_at = unixepoch() WHERE id = ? AND workspace_id = ?;

-- name: DeleteFolder :execrows
DELETE FROM files WHERE id = ? AND workspace_id = ?;

-- name: RenameWorkspace :execrows
UPDATE workspaces SET name = ? WHERE id = ?;

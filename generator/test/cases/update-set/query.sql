-- name: UpdateHttp :execrows
UPDATE http SET name = ?, url = ?, method = ?, updated_at = unixepoch() WHERE id = ? AND workspace_id = ?;

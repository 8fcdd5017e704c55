-- name: PageHttp :many
SELECT id FROM http
WHERE updated_at BETWEEN ? AND ?
  AND ? = workspace_id
  AND (name = ? OR name = ?)
ORDER BY updated_at
LIMIT ? OFFSET ?;

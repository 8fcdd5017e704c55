-- name: FilterHttp :many
SELECT id FROM http
WHERE method IN (sqlc.slice(methods))
  AND workspace_id = ?
  AND id NOT IN (sqlc.slice(excluded))
  AND (name = ? OR method IN (sqlc.slice(methods)))
LIMIT ?;

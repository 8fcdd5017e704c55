-- name: SearchHttp :many
SELECT id, name FROM http
WHERE workspace_id = sqlc.arg(workspace_id)
  AND (name LIKE sqlc.arg(pattern) OR url LIKE sqlc.arg(pattern));

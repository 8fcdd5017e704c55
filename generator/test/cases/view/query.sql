-- name: ListHttpView :many
SELECT * FROM http_with_workspace WHERE http_id = ?;

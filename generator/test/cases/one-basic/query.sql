-- name: GetHttp :one
SELECT * FROM http WHERE id = ? AND workspace_id = ?;

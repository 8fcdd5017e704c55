-- name: Bad :many
SELECT id FROM http WHERE workspace_id = sqlc.arg();

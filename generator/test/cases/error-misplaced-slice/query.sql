-- name: Bad :many
SELECT id FROM http WHERE id = sqlc.slice(ids);

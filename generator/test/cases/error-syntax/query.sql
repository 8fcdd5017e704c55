-- name: Broken :one
SELECT id FROM http WHERE id = ? AND AND name = ?;

-- name: GetOne :one
SELECT id, name FROM t WHERE id = ?;

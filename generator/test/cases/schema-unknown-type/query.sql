-- name: GetUser :one
SELECT id, nick FROM users WHERE id = ?;

-- name: ListUsers :many
SELECT id, nick FROM users;

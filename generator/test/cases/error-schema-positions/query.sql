-- name: ListUsers :many
SELECT id, email FROM users;

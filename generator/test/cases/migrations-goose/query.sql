-- name: ListUsers :many
SELECT id, email, display_name FROM users;

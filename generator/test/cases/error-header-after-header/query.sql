-- name: Forgotten :one
-- name: ListAll :many
SELECT id, name FROM t;

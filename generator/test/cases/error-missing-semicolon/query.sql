-- name: First :one
SELECT id FROM t WHERE id = ?

-- name: Second :many
SELECT id, name FROM t;

-- name: First :one
SELECT id FROM t WHERE id = ? /* the key;

-- name: Second :many
SELECT id, name FROM t;

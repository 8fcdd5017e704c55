-- name: class :one
SELECT name FROM t WHERE id = ?;

-- name: Delete :exec
DELETE FROM t WHERE id = ?;

-- name: enum :many
SELECT name FROM t;

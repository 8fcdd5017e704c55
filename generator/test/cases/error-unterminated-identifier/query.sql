-- name: First :many
SELECT "name FROM t;

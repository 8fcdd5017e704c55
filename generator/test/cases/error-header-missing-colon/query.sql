-- name ListAll :many
SELECT id, name FROM t;

-- name: First :many
SELECT id FROM t WHERE name = 'O'Brien';

-- name: Second :many
SELECT id, name FROM t;

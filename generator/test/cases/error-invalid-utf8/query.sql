-- name: Find :many
SELECT id FROM t WHERE name = 'café';

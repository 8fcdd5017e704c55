-- name: BadColumn :many
SELECT id, nmae FROM http;

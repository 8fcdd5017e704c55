-- name: ListAscending :many
SELECT id, name FROM ascending;

-- name: ListDescending :many
SELECT id, name FROM descending;

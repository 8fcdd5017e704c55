-- name: Ok :one
SELECT 1 AS one;

-- name: Dangling :many

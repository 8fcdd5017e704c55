SELECT 1;

-- name: One :one
SELECT 1 AS one;

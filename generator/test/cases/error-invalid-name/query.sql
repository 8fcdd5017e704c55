-- name: get-thing :one
SELECT 1;

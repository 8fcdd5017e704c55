-- name: First :one
SELECT nope FROM http;

-- name: Second :many
SELECT * FROM nowhere;

-- name: Third :oops
SELECT 1;

-- name: Fine :one
SELECT 1 AS one;

-- name: Echo :one
SELECT ? AS anything, CAST(? AS TEXT) AS text_value;

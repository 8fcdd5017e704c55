-- name: Accents :many
SELECT 'crème brûlée — ☕' AS dessert, nmae FROM http;

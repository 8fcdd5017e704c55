-- name: AllTypes :one
SELECT * FROM typed WHERE id = ?;

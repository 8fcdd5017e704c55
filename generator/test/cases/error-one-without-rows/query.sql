-- name: Touch :one
UPDATE http SET updated_at = unixepoch() WHERE id = ?;

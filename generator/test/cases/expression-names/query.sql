-- name: Unnamed :one
SELECT count(*), max(updated_at), lower(name) FROM http WHERE id = ?;

-- A list binds one placeholder per item: it cannot also be one value.
-- name: ListOrValue :many
SELECT id FROM http WHERE id IN (sqlc.slice(ids)) OR name IN (sqlc.arg(ids));

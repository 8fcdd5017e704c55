-- name: ListHttpByIds :many
SELECT id, name FROM http WHERE id IN (sqlc.slice('ids')) ORDER BY name;

-- name: CountHttpByIds :one
SELECT count(*) AS n FROM http WHERE id IN (sqlc.slice(ids));

-- name: DeleteHttpByIds :execrows
DELETE FROM http WHERE id IN (sqlc.slice(ids));

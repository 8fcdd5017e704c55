-- name: ListHttpByIds :many
SELECT id, name FROM http WHERE id IN (sqlc.slice('ids')) ORDER BY name;

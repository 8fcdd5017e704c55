-- name: AllNames :many
SELECT name FROM http
UNION
SELECT name FROM workspaces
ORDER BY 1
LIMIT ? OFFSET ?;

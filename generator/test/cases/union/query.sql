-- name: Names :many
SELECT name, url AS extra FROM http
UNION ALL
SELECT name, NULL FROM workspaces
UNION
SELECT name, method FROM http;

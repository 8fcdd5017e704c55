-- name: FindHttp :many
SELECT id FROM http
WHERE workspace_id = :workspace AND (name = @needle OR url = @needle) AND method = $method;

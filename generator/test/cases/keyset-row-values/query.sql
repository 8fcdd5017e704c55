-- name: NextPage :many
SELECT id, updated_at FROM http
WHERE workspace_id = ? AND (updated_at, id) > (?, ?)
ORDER BY updated_at, id
LIMIT ?;

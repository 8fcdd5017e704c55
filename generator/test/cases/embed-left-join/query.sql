-- name: ListHttpWithParent :many
SELECT h.id, h.name, sqlc.embed(p) AS parent
FROM http h LEFT JOIN http p ON p.id = h.parent_http_id
WHERE h.workspace_id = ?;

-- name: FindByNameOrUrl :many
SELECT id FROM http WHERE name = ?1 OR url = ?1 OR workspace_id = ?2;

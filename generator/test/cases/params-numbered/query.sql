-- name: FindByNameOrUrl :many
SELECT id FROM http WHERE name = ?1 OR url = ?1 OR workspace_id = ?2;

-- Parameters are listed by number, not by where they first appear.
-- name: ChangedSince :many
SELECT id FROM http WHERE updated_at > ?2 AND workspace_id = ?1;

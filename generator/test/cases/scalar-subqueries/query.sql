-- name: WorkspaceSummary :many
SELECT
  w.id,
  (SELECT count(*) FROM http h WHERE h.workspace_id = w.id) AS http_count,
  (SELECT max(h.updated_at) FROM http h WHERE h.workspace_id = w.id) AS last_update,
  (SELECT h.name FROM http h WHERE h.workspace_id = w.id LIMIT 1) AS any_name,
  EXISTS (SELECT 1 FROM http h WHERE h.workspace_id = w.id AND h.is_delta) AS has_deltas
FROM workspaces w;

-- name: WorkspacesWithHttpNamed :many
SELECT w.id, w.name FROM workspaces w
WHERE w.id IN (SELECT h.workspace_id FROM http h WHERE h.name = ?)
  AND NOT EXISTS (SELECT 1 FROM http h2 WHERE h2.workspace_id = w.id AND h2.method = ?);

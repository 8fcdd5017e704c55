-- name: Clash :many
SELECT id FROM http WHERE workspace_id = :workspace_id OR workspace_id = :workspaceId;

-- name: LeftJoin :many
SELECT h.name AS http_name, w.name AS workspace_name FROM http h LEFT JOIN workspaces w ON w.id = h.workspace_id;

-- name: RightJoin :many
SELECT h.name AS http_name, w.name AS workspace_name FROM http h RIGHT JOIN workspaces w ON w.id = h.workspace_id;

-- name: FullJoin :many
SELECT h.name AS http_name, w.name AS workspace_name FROM http h FULL JOIN workspaces w ON w.id = h.workspace_id;

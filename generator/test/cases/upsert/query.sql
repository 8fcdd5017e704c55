-- name: UpsertWorkspace :exec
INSERT INTO workspaces (id, name) VALUES (?, ?)
ON CONFLICT (id) DO UPDATE SET name = excluded.name, created_at = ?
WHERE workspaces.name <> excluded.name;

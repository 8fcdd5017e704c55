-- `*`, `t.*`, `sqlc.embed(t)` and `RETURNING *` run as lists of columns by name, so values never
-- depend on the order of the live table's columns (ALTER TABLE ADD COLUMN applied in another order).
-- name: GetHttp :one
SELECT * FROM http WHERE id = ?;

-- name: ListHttpWithWorkspace :many
SELECT h.*, w.name AS workspace_name FROM http h JOIN workspaces w ON w.id = h.workspace_id;

-- name: ListHttpAndParent :many
SELECT sqlc.embed(h), sqlc.embed(p) FROM http h LEFT JOIN http p ON p.id = h.parent_http_id;

-- name: CreateHttp :one
INSERT INTO http (id, workspace_id, name) VALUES (?, ?, ?) RETURNING *;

-- name: ReadFromSubquery :many
SELECT * FROM (SELECT * FROM workspaces) ORDER BY name;

-- USING joins keep `*` as written: its shared column is SQLite's to choose.
-- name: ListUsing :many
SELECT * FROM http JOIN workspaces USING (id);

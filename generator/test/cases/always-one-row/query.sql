-- INSERT … VALUES of one row with RETURNING returns that row or fails: no `| undefined`.
-- name: CreateWorkspace :one
INSERT INTO workspaces (id, name) VALUES (?, ?) RETURNING id, name;

-- An upsert that always writes (DO UPDATE without WHERE) returns its row too.
-- name: UpsertWorkspace :one
INSERT INTO workspaces (id, name) VALUES (?, ?)
ON CONFLICT (id) DO UPDATE SET name = excluded.name
RETURNING id, name;

-- An aggregate without GROUP BY returns one row, even over no rows.
-- name: CountHttp :one
SELECT count(*) FROM http WHERE workspace_id = ?;

-- name: HttpStats :one
SELECT count(*) AS total, max(updated_at) AS latest FROM http;

-- A SELECT without FROM or WHERE returns one row.
-- name: Now :one
SELECT unixepoch() AS now;

-- These may return no row, so they stay `| undefined`:
-- OR IGNORE skips a conflicting row.
-- name: CreateWorkspaceIfNew :one
INSERT OR IGNORE INTO workspaces (id, name) VALUES (?, ?) RETURNING id;

-- DO NOTHING skips it too.
-- name: CreateWorkspaceOrNothing :one
INSERT INTO workspaces (id, name) VALUES (?, ?) ON CONFLICT DO NOTHING RETURNING id;

-- DO UPDATE … WHERE may skip the update.
-- name: RenameWorkspaceIfChanged :one
INSERT INTO workspaces (id, name) VALUES (?, ?)
ON CONFLICT (id) DO UPDATE SET name = excluded.name WHERE name <> excluded.name
RETURNING id;

-- GROUP BY makes no group of no rows.
-- name: CountByMethod :one
SELECT count(*) FROM http WHERE workspace_id = ? GROUP BY method;

-- HAVING may drop the one row.
-- name: CountIfMany :one
SELECT count(*) FROM http HAVING count(*) > 1;

-- LIMIT (a parameter, maybe 0) may drop it.
-- name: CountLimited :one
SELECT count(*) FROM http LIMIT ?;

-- name: CreateHTTP :one
INSERT INTO http (id, workspace_id, folder_id, name, url, method, description)
VALUES (?, ?, ?, ?, ?, ?, ?)
RETURNING *;

-- A delta overrides the fields it sets; NULL keeps the parent's value.
-- name: CreateHTTPDelta :one
INSERT INTO http (id, workspace_id, folder_id, name, is_delta, parent_http_id, delta_name, delta_url, delta_method, delta_description)
SELECT sqlc.arg(id), p.workspace_id, p.folder_id, p.name, TRUE, p.id, sqlc.narg(delta_name), sqlc.narg(delta_url), sqlc.narg(delta_method), sqlc.narg(delta_description)
FROM http p WHERE p.id = sqlc.arg(parent_http_id) AND p.workspace_id = sqlc.arg(workspace_id) AND p.is_delta = FALSE
RETURNING *;

-- name: GetHTTP :one
SELECT * FROM http WHERE id = ? AND workspace_id = ?;

-- name: ListHTTPByFolder :many
SELECT * FROM http WHERE workspace_id = ? AND folder_id IS ? AND is_delta = FALSE ORDER BY name, id;

-- Updates a request if nobody changed it since `version` was read: returns 0 when the caller lost.
-- name: UpdateHTTP :execrows
UPDATE http
SET name = sqlc.arg(name), url = sqlc.arg(url), method = sqlc.arg(method), description = sqlc.arg(description),
    version = version + 1, updated_at = unixepoch()
WHERE id = sqlc.arg(id) AND workspace_id = sqlc.arg(workspace_id) AND version = sqlc.arg(version);

-- name: MoveHTTP :execrows
UPDATE http SET folder_id = ?, version = version + 1, updated_at = unixepoch() WHERE id = ? AND workspace_id = ?;

-- name: DeleteHTTP :execrows
DELETE FROM http WHERE id = ? AND workspace_id = ?;

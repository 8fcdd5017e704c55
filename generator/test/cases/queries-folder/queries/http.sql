-- name: CountHttpInWorkspace :one
SELECT count(*) AS n FROM http WHERE workspace_id = ?;

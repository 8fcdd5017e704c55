-- name: Counts :many
SELECT c.workspace_id, c.n FROM (SELECT workspace_id, count(*) AS n FROM http GROUP BY workspace_id) AS c WHERE c.n > ?;

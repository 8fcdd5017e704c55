-- name: Ranked :many
SELECT id, row_number() OVER (ORDER BY updated_at) AS position,
       rank() OVER (PARTITION BY workspace_id ORDER BY updated_at DESC) AS rank_in_workspace,
       lag(name) OVER (ORDER BY updated_at) AS previous_name,
       count(*) OVER (PARTITION BY workspace_id) AS in_workspace
FROM http;

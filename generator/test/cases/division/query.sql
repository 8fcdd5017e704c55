-- name: Ratios :one
SELECT updated_at / 2 AS half, updated_at / created_at AS ratio, updated_at % 0 AS by_zero
FROM http JOIN workspaces ON workspaces.id = http.workspace_id;

-- name: Stats :one
SELECT count(*) AS n, count(url) AS with_url, total(updated_at) AS total_time, sum(updated_at) AS sum_time,
       min(updated_at) AS first_update, max(name) AS last_name, avg(updated_at) AS mean, group_concat(name) AS names,
       name AS some_name
FROM http WHERE workspace_id = ?;

-- name: StatsByMethod :many
SELECT method, count(*) AS n, max(updated_at) AS latest FROM http GROUP BY method;

-- name: Labels :many
SELECT coalesce(url, name) AS label, ifnull(url, 'none') AS url_or_none, coalesce(url, parent_http_id) AS maybe
FROM http;

-- name: Classify :many
SELECT
  CASE WHEN is_delta THEN 'delta' ELSE 'base' END AS kind,
  CASE WHEN url IS NULL THEN 'none' END AS missing,
  CASE method WHEN 'GET' THEN url ELSE name END AS target
FROM http;

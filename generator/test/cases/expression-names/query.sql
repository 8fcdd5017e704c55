-- sqlc's names: a function call is named after the function, EXISTS is `exists`, NOT EXISTS
-- `not_exists`, CAST and COALESCE of a column take the column's name, anything else `column_N`
-- (N = its position). Each made-up name is a warning: name the column with AS.
-- name: Unnamed :one
SELECT count(*), max(updated_at), lower(name),
  EXISTS (SELECT 1 FROM http p WHERE p.parent_http_id = http.id),
  NOT EXISTS (SELECT 1 FROM workspaces),
  id = ?,
  CAST(updated_at AS TEXT), coalesce(url, 'none'), (SELECT name FROM workspaces LIMIT 1)
FROM http WHERE id = ?;

-- One column returns the value itself: its name does not matter, and no warning is given.
-- name: CountHttp :one
SELECT count(*) FROM http;

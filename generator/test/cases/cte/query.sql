-- name: RecentNames :many
WITH recent AS (SELECT id, name, url FROM http WHERE updated_at > ?)
SELECT name, url FROM recent ORDER BY name;

-- name: Ancestors :many
WITH RECURSIVE chain (id, parent, depth) AS (
  SELECT id, parent_http_id, 0 FROM http WHERE id = ?
  UNION ALL
  SELECT h.id, h.parent_http_id, chain.depth + 1 FROM http h JOIN chain ON h.id = chain.parent
  WHERE chain.depth < 32
)
SELECT id, parent, depth FROM chain;

-- name: Flags :many
SELECT
  name = 'x' AS name_is_x,
  url = 'x' AS url_is_x,
  url IS 'x' AS url_is_x_strict,
  url IS NULL AS no_url,
  url IS NOT NULL AS has_url,
  name || '-' || method AS label,
  name || url AS label_with_url,
  updated_at + 1 AS next_second,
  -updated_at AS negated,
  'literal' AS literal_text,
  42 AS literal_int,
  NULL AS literal_null
FROM http;

-- name: MaxIsNull :one
SELECT name, max(n) IS NULL AS empty FROM w;

-- name: CountBetween :one
SELECT name, count(*) BETWEEN 1 AND 10 AS few FROM w;

-- name: CaseOverCount :one
SELECT name, CASE WHEN count(*) > 0 THEN 'some' ELSE 'none' END AS state FROM w;

-- name: CountPlusOne :one
SELECT (SELECT count(*) + 1 FROM w) AS next_count;

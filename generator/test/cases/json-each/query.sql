-- name: ExpandIds :many
SELECT j.key, j.value, j.type FROM json_each(?) AS j;

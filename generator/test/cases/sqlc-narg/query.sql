-- name: UpdateHttpUrl :exec
UPDATE http SET url = sqlc.narg(url), name = coalesce(sqlc.narg(name), name) WHERE id = sqlc.arg(id);

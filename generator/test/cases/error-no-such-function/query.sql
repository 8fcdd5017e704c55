-- name: Fn :one
SELECT no_such_fn(name) FROM http;

-- name: Count :one
SELECT count(* AS n FROM t WHERE (id > ?;

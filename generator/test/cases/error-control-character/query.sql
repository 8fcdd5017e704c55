-- name: GetOne :one
SELECTid, name FROM t WHERE id = ?;

-- name: GetTwo :one
SELECT id,name FROM t WHERE id = ?;

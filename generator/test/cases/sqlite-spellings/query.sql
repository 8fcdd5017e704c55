-- `$1`, `:1` and `@1` are named parameters to SQLite.
-- name: ByDollar :one
SELECT id FROM t WHERE id = $1;

-- name: ByColon :one
SELECT id FROM t WHERE id = :1;

-- name: ByAt :one
SELECT id FROM t WHERE id = @1;

-- `==` is `=`, also in SET.
-- name: Rename :exec
UPDATE t SET name == ? WHERE id == ?;

-- A form feed is whitespace.
-- name: FormFeed :many
SELECTid FROM t;

-- Non-ASCII characters are name characters.
-- name: FirstNames :many
SELECT prénom FROM t WHERE prénom = ?;

-- A keyword can be a macro's name.
-- name: ByKeyword :many
SELECT id FROM t WHERE name = sqlc.arg(select);

-- name: EmbedCte :many
WITH t AS (SELECT id, name FROM workspaces)
SELECT sqlc.embed(t) FROM t;

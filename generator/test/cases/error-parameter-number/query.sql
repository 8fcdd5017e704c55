-- name: Zero :one
SELECT id FROM t WHERE id = ?0;

-- name: TooHigh :one
SELECT id FROM t WHERE id = ?32767;

-- name: Highest :one
SELECT id FROM t WHERE id = ?32766;

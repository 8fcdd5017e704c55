-- name: NumberZero :one
SELECT id FROM http WHERE id = ?0;

-- name: NumberTooLarge :one
SELECT id FROM http WHERE id = ?32767;

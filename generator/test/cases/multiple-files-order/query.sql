-- name: GetAccount :one
SELECT id, plan FROM accounts WHERE id = ?;

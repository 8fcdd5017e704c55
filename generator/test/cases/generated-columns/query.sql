-- name: InsertPerson :exec
INSERT INTO people VALUES (?, ?, ?);

-- name: GetPerson :one
SELECT full_name, initials FROM people WHERE id = ?;

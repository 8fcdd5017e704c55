-- name: GetThing :one
SELECT name FROM things WHERE id = ?;

-- name: ToGetThingRow :one
SELECT id FROM things WHERE name = ?;

-- name: EndIterators :many
SELECT * FROM things;

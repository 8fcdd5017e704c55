-- name: GetThing :one
SELECT name FROM things WHERE id = ?;

-- name: ToGetThingRow :one
SELECT id FROM things WHERE name = ?;

-- name: EndIterators :many
SELECT * FROM things;

-- Differs from GetThing only in case and underscores: every generated name clashes, reported once.
-- name: get_thing :one
SELECT name FROM things WHERE id = ?;

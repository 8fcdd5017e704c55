-- name: AddNote :exec
INSERT INTO notes (slug, "constructor", "toString", "valueOf", "__proto__") VALUES (?, ?, ?, ?, ?);

-- name: GetNote :one
SELECT * FROM notes WHERE slug = ? AND "toString" = ?;

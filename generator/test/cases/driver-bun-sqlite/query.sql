-- name: GetNote :one
SELECT * FROM notes WHERE slug = ?;

-- Two columns named id: Bun's get() object would keep one, so this :one reads values().
-- name: GetNoteWithTag :one
SELECT n.id, t.id, n.slug, t.label FROM notes n JOIN tags t ON t.note_id = n.id WHERE t.label = ?;

-- name: ListNotes :many
SELECT id, slug, body, data, score, pinned FROM notes ORDER BY id;

-- name: ListNotesByIds :many
SELECT id, slug FROM notes WHERE id IN (sqlc.slice(ids)) ORDER BY id;

-- name: AddNote :execlastid
INSERT INTO notes (slug, body, data, score, pinned) VALUES (?, ?, ?, ?, ?);

-- name: AddTag :execresult
INSERT INTO tags (note_id, label) VALUES (?, ?);

-- name: PinNotes :execrows
UPDATE notes SET pinned = ? WHERE id IN (sqlc.slice(ids));

-- name: DeleteNote :exec
DELETE FROM notes WHERE slug = ?;

-- Refused by Bun while a statement is active: the runtime ends open iterators and retries.
-- name: DropScratch :exec
DROP TABLE scratch;

-- name: GetNote :one
SELECT id, title, body, pinned, attachment, score FROM notes WHERE id = ?;

-- name: ListNotes :many
SELECT id, title, pinned FROM notes WHERE pinned = sqlc.arg(pinned) ORDER BY title;

-- name: ListNotesByIds :many
SELECT id, title FROM notes WHERE id IN (sqlc.slice(ids)) ORDER BY id;

-- name: AddNote :execlastid
INSERT INTO notes (title, body, pinned, attachment, score) VALUES (?, ?, ?, ?, ?);

-- name: AddNoteResult :execresult
INSERT OR IGNORE INTO notes (title) VALUES (?);

-- name: PinNotes :execrows
UPDATE notes SET pinned = TRUE WHERE id IN (sqlc.slice(ids));

-- name: DeleteNote :exec
DELETE FROM notes WHERE id = ?;

-- name: GetNote :one
SELECT * FROM notes WHERE id = ?;

-- name: ListNotes :many
SELECT id, slug, body, score, pinned FROM notes WHERE pinned = ? ORDER BY id;

-- name: ListNotesByIds :many
SELECT id, slug FROM notes WHERE id IN (sqlc.slice(ids)) ORDER BY id;

-- name: CreateNote :execlastid
INSERT INTO notes (slug, body, score, pinned, attachment) VALUES (?, ?, ?, ?, ?);

-- name: RenameNote :execrows
UPDATE notes SET slug = ? WHERE id = ?;

-- name: DeleteNotesByIds :execresult
DELETE FROM notes WHERE id IN (sqlc.slice(ids));

-- name: TouchNote :exec
UPDATE notes SET score = coalesce(score, 0) + 1 WHERE id = ?;

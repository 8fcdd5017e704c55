-- name: GetNote :one
SELECT id, title, body, pinned, attachment FROM notes WHERE id = ?;

-- name: ListNotes :many
SELECT id, title, pinned FROM notes WHERE id > sqlc.arg(after) ORDER BY id LIMIT sqlc.arg(page);

-- name: ListNotesByIds :many
SELECT id, title FROM notes WHERE id IN (sqlc.slice(ids)) ORDER BY id;

-- name: AddNote :execlastid
INSERT INTO notes (title, body, pinned, attachment) VALUES (?, ?, ?, ?);

-- name: PinNote :exec
UPDATE notes SET pinned = ? WHERE id = ?;

-- name: DeleteNotesByIds :execrows
DELETE FROM notes WHERE id IN (sqlc.slice(ids));

-- name: RenameNote :execresult
UPDATE OR IGNORE notes SET title = ? WHERE id = ?;

-- name: CreateNote :one
INSERT INTO notes (title) VALUES (?) RETURNING id, title;

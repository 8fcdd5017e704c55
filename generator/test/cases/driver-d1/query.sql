-- name: GetAuthor :one
SELECT id, name, bio, avatar, active, score FROM authors WHERE id = ?;

-- name: ListAuthors :many
SELECT id, name, bio, avatar, active, score FROM authors ORDER BY id;

-- name: ListAuthorsByIds :many
SELECT id, name FROM authors WHERE id IN (sqlc.slice(ids)) AND active = @active ORDER BY id;

-- name: CountAuthors :one
SELECT count(*) AS n FROM authors;

-- name: CreateAuthor :execlastid
INSERT INTO authors (name, bio, avatar, active) VALUES (?, ?, ?, ?);

-- name: InsertAuthor :one
INSERT INTO authors (name, bio) VALUES (?, ?) RETURNING id, name;

-- name: RenameAuthor :exec
UPDATE authors SET name = ? WHERE id = ?;

-- name: Rescore :execresult
UPDATE authors SET score = score + ? WHERE active;

-- name: AddBookForLastAuthor :exec
INSERT INTO books (author_id, title) VALUES (last_insert_rowid(), ?);

-- name: AddBook :execlastid
INSERT INTO books (author_id, title) VALUES (?, ?);

-- name: ListBooks :many
SELECT b.id AS book_id, b.title, a.name AS author FROM books b JOIN authors a ON a.id = b.author_id ORDER BY b.id;

-- name: DeleteAuthorsByIds :execrows
DELETE FROM authors WHERE id IN (sqlc.slice(ids));

-- name: CreatePost :exec
INSERT INTO posts (author_id, title) VALUES (?, ?);

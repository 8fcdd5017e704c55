-- name: PutFile :exec
INSERT INTO files (id, content) VALUES (?, ?);

-- name: GetFile :one
SELECT content, length(content) AS size FROM files WHERE id = ?;

-- name: AddTag :execlastid
INSERT INTO tags (label) VALUES (?);

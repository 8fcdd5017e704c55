-- name: AddTagIgnore :execresult
INSERT OR IGNORE INTO tags (label) VALUES (?);

-- name: InsertWorkspace :exec
INSERT INTO workspaces VALUES (?, ?, ?);

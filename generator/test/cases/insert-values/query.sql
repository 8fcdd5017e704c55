-- name: InsertTwoWorkspaces :exec
INSERT INTO workspaces (id, name) VALUES (?, ?), (?, ?);

-- name: InsertMany :batchexec
INSERT INTO workspaces (id, name) VALUES (?, ?);

-- name: CopyWorkspaces :copyfrom
INSERT INTO workspaces (id, name) VALUES (?, ?);

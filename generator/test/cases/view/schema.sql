CREATE TABLE workspaces (
  id BLOB NOT NULL PRIMARY KEY,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL DEFAULT (unixepoch())
);

CREATE TABLE http (
  id BLOB NOT NULL PRIMARY KEY,
  workspace_id BLOB NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  url TEXT,
  method TEXT NOT NULL DEFAULT 'GET',
  is_delta BOOLEAN NOT NULL DEFAULT FALSE,
  parent_http_id BLOB REFERENCES http (id) ON DELETE CASCADE,
  updated_at INTEGER NOT NULL DEFAULT (unixepoch())
);

CREATE VIEW http_with_workspace AS
SELECT h.id AS http_id, h.name AS http_name, w.name AS workspace_name, h.url || '?' AS full_url
FROM http h LEFT JOIN workspaces w ON w.id = h.workspace_id;

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

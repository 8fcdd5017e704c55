CREATE TABLE workspaces (
  id BLOB NOT NULL PRIMARY KEY,
  name TEXT NOT NULL,
  settings TEXT NOT NULL DEFAULT '{"theme":"light","tabs":[]}',
  archived_at DATETIME,
  created_at INTEGER NOT NULL DEFAULT (unixepoch())
);

CREATE TABLE requests (
  id BLOB NOT NULL PRIMARY KEY,
  workspace_id BLOB NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  method TEXT NOT NULL DEFAULT 'GET' CHECK (method IN ('GET', 'POST', 'PUT', 'DELETE')),
  body TEXT,
  sent_at_ms INTEGER
);

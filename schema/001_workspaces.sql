-- Workspaces and their folder tree.
-- Tables are ordinary (not STRICT): STRICT rejects the type name BOOLEAN, which the generator maps to
-- boolean. Primary keys are therefore declared NOT NULL: SQLite allows NULL keys in ordinary tables.

CREATE TABLE workspaces (
  id BLOB NOT NULL PRIMARY KEY,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL DEFAULT (unixepoch()),
  updated_at INTEGER NOT NULL DEFAULT (unixepoch())
);

CREATE TABLE files (
  id BLOB NOT NULL PRIMARY KEY,
  workspace_id BLOB NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  -- A folder inside another folder; NULL at the top of the workspace.
  parent_id BLOB REFERENCES files (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL DEFAULT (unixepoch()),
  updated_at INTEGER NOT NULL DEFAULT (unixepoch()),
  CHECK (parent_id IS NULL OR parent_id <> id)
);

CREATE INDEX files_workspace_idx ON files (workspace_id, parent_id);

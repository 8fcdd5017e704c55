-- The "before" of bench:streaming: the schema the spec starts from (its "current state": a
-- well-structured HTTP schema with foreign keys and "basic indexing on primary access patterns").
-- The spec does not print it, so this file assumes the least such a schema has: the tables and
-- columns of schema/ as the spec's queries use them, foreign keys with ON DELETE CASCADE, and one
-- plain index per foreign-key column (without them every cascade and child lookup would scan).
-- Left out, because they are what the spec (or this repo) adds: the streaming indexes of its
-- section 2, the version column (the spec locks on updated_at), the change feed and its triggers,
-- the delta-parent trigger and the CHECK constraints of schema/002_http.sql.

CREATE TABLE workspaces (
  id BLOB NOT NULL PRIMARY KEY,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL DEFAULT (unixepoch()),
  updated_at INTEGER NOT NULL DEFAULT (unixepoch())
);

CREATE TABLE files (
  id BLOB NOT NULL PRIMARY KEY,
  workspace_id BLOB NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  parent_id BLOB REFERENCES files (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL DEFAULT (unixepoch()),
  updated_at INTEGER NOT NULL DEFAULT (unixepoch())
);
CREATE INDEX files_workspace_idx ON files (workspace_id);

CREATE TABLE http (
  id BLOB NOT NULL PRIMARY KEY,
  workspace_id BLOB NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  folder_id BLOB REFERENCES files (id) ON DELETE SET NULL,
  name TEXT NOT NULL,
  url TEXT NOT NULL DEFAULT '',
  method TEXT NOT NULL DEFAULT 'GET',
  description TEXT NOT NULL DEFAULT '',
  is_delta BOOLEAN NOT NULL DEFAULT FALSE,
  parent_http_id BLOB REFERENCES http (id) ON DELETE CASCADE,
  delta_name TEXT,
  delta_url TEXT,
  delta_method TEXT,
  delta_description TEXT,
  created_at INTEGER NOT NULL DEFAULT (unixepoch()),
  updated_at INTEGER NOT NULL DEFAULT (unixepoch())
);
CREATE INDEX http_workspace_idx ON http (workspace_id);
CREATE INDEX http_folder_idx ON http (folder_id);
CREATE INDEX http_parent_idx ON http (parent_http_id);

CREATE TABLE http_search_param (
  id BLOB NOT NULL PRIMARY KEY,
  http_id BLOB NOT NULL REFERENCES http (id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  value TEXT NOT NULL DEFAULT '',
  enabled BOOLEAN NOT NULL DEFAULT TRUE,
  prev BLOB,
  next BLOB,
  updated_at INTEGER NOT NULL DEFAULT (unixepoch())
);
CREATE INDEX http_search_param_http_idx ON http_search_param (http_id);

CREATE TABLE http_header (
  id BLOB NOT NULL PRIMARY KEY,
  http_id BLOB NOT NULL REFERENCES http (id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  value TEXT NOT NULL DEFAULT '',
  enabled BOOLEAN NOT NULL DEFAULT TRUE,
  prev BLOB,
  next BLOB,
  updated_at INTEGER NOT NULL DEFAULT (unixepoch())
);
CREATE INDEX http_header_http_idx ON http_header (http_id);

CREATE TABLE http_body_form (
  id BLOB NOT NULL PRIMARY KEY,
  http_id BLOB NOT NULL REFERENCES http (id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  value TEXT NOT NULL DEFAULT '',
  enabled BOOLEAN NOT NULL DEFAULT TRUE,
  prev BLOB,
  next BLOB,
  updated_at INTEGER NOT NULL DEFAULT (unixepoch())
);
CREATE INDEX http_body_form_http_idx ON http_body_form (http_id);

CREATE TABLE http_assert (
  id BLOB NOT NULL PRIMARY KEY,
  http_id BLOB NOT NULL REFERENCES http (id) ON DELETE CASCADE,
  expression TEXT NOT NULL,
  enabled BOOLEAN NOT NULL DEFAULT TRUE,
  prev BLOB,
  next BLOB,
  updated_at INTEGER NOT NULL DEFAULT (unixepoch())
);
CREATE INDEX http_assert_http_idx ON http_assert (http_id);

-- The children of a request, each an ordered list kept as a doubly linked list (prev/next ids).

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

CREATE TABLE http_assert (
  id BLOB NOT NULL PRIMARY KEY,
  http_id BLOB NOT NULL REFERENCES http (id) ON DELETE CASCADE,
  expression TEXT NOT NULL,
  enabled BOOLEAN NOT NULL DEFAULT TRUE,
  prev BLOB,
  next BLOB,
  updated_at INTEGER NOT NULL DEFAULT (unixepoch())
);

-- 2.2 Child table streaming indexes.
CREATE INDEX http_search_param_streaming_idx ON http_search_param (http_id, enabled, updated_at DESC) WHERE enabled = TRUE;
CREATE INDEX http_header_streaming_idx ON http_header (http_id, enabled, updated_at DESC) WHERE enabled = TRUE;
CREATE INDEX http_body_form_streaming_idx ON http_body_form (http_id, enabled, updated_at DESC) WHERE enabled = TRUE;
CREATE INDEX http_assert_streaming_idx ON http_assert (http_id, enabled, updated_at DESC) WHERE enabled = TRUE;

CREATE INDEX http_search_param_ordering_stream_idx ON http_search_param (http_id, prev, next);
CREATE INDEX http_header_ordering_stream_idx ON http_header (http_id, prev, next);
CREATE INDEX http_assert_ordering_stream_idx ON http_assert (http_id, prev, next);
-- Not in the spec, but the same traversal needs it for form bodies.
CREATE INDEX http_body_form_ordering_stream_idx ON http_body_form (http_id, prev, next);

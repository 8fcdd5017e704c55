-- 6.1 Streaming performance log. The spec's `timestamp BIGINT` is kept: in an ordinary table BIGINT
-- has INTEGER affinity (only STRICT tables reject the name).
CREATE TABLE IF NOT EXISTS streaming_performance_log (
  id BLOB NOT NULL PRIMARY KEY,
  workspace_id BLOB NOT NULL,
  operation_type TEXT NOT NULL CHECK (operation_type IN ('snapshot', 'delta', 'query', 'update')),
  table_name TEXT NOT NULL,
  record_count INTEGER NOT NULL,
  duration_ms INTEGER NOT NULL,
  timestamp BIGINT NOT NULL DEFAULT (unixepoch()),
  error_message TEXT
);

CREATE INDEX streaming_perf_workspace_idx ON streaming_performance_log (workspace_id, timestamp DESC);
CREATE INDEX streaming_perf_operation_idx ON streaming_performance_log (operation_type, timestamp DESC);

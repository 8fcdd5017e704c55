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
-- Covers /metrics (every operation since a time, summed by type) and retention (delete older than a
-- time) without reading the table. One row is logged per operation, not per client it reached.
CREATE INDEX streaming_perf_time_idx ON streaming_performance_log (timestamp, operation_type, record_count, duration_ms, error_message);

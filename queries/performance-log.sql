-- name: LogStreamingOperation :exec
INSERT INTO streaming_performance_log (id, workspace_id, operation_type, table_name, record_count, duration_ms, error_message)
VALUES (?, ?, ?, ?, ?, ?, ?);

-- One workspace's operations since `timestamp`, by type.
-- name: SummarizeStreamingPerformance :many
-- plan: uses streaming_perf_workspace_idx
SELECT operation_type, count(*) AS operations, sum(record_count) AS records, avg(duration_ms) AS mean_ms,
       sum(error_message IS NOT NULL) AS errors
FROM streaming_performance_log
WHERE workspace_id = ? AND timestamp >= ?
GROUP BY operation_type
ORDER BY operation_type;

-- Every workspace's operations since `timestamp`, by type, from the covering index alone.
-- name: SummarizeAllStreamingPerformance :many
-- plan: uses streaming_perf_time_idx
-- plan: no-scan
SELECT operation_type, count(*) AS operations, sum(record_count) AS records, avg(duration_ms) AS mean_ms,
       max(duration_ms) AS max_ms, sum(error_message IS NOT NULL) AS errors
FROM streaming_performance_log
WHERE timestamp >= ?
GROUP BY operation_type
ORDER BY operation_type;

-- name: ListStreamingOperations :many
SELECT * FROM streaming_performance_log
WHERE workspace_id = ? AND timestamp >= ?
ORDER BY timestamp DESC, id
LIMIT ?;

-- Retention by age.
-- name: PruneStreamingPerformanceLog :execrows
-- plan: uses streaming_perf_time_idx
DELETE FROM streaming_performance_log WHERE timestamp < ?;

-- Retention by size: keeps about the newest `keep` rows (rowids grow as rows are appended).
-- name: TrimStreamingPerformanceLog :execrows
DELETE FROM streaming_performance_log
WHERE rowid <= (SELECT max(rowid) FROM streaming_performance_log) - sqlc.arg(keep);

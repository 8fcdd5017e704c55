-- name: LogStreamingOperation :exec
INSERT INTO streaming_performance_log (id, workspace_id, operation_type, table_name, record_count, duration_ms, error_message)
VALUES (?, ?, ?, ?, ?, ?, ?);

-- name: SummarizeStreamingPerformance :many
SELECT operation_type, count(*) AS operations, sum(record_count) AS records, avg(duration_ms) AS mean_ms,
       sum(error_message IS NOT NULL) AS errors
FROM streaming_performance_log
WHERE workspace_id = ? AND timestamp >= ?
GROUP BY operation_type
ORDER BY operation_type;

-- name: ListStreamingOperations :many
SELECT * FROM streaming_performance_log
WHERE workspace_id = ? AND timestamp >= ?
ORDER BY timestamp DESC, id
LIMIT ?;

-- name: PruneStreamingPerformanceLog :execrows
DELETE FROM streaming_performance_log WHERE timestamp < ?;

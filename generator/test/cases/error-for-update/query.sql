-- name: LockHTTPForStreamingUpdate :one
-- Pessimistic locking for critical operations
SELECT id, workspace_id, updated_at
FROM http
WHERE id = ? AND workspace_id = ?
FOR UPDATE SKIP LOCKED;  -- Non-blocking lock

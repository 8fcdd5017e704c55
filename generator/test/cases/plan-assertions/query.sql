-- Events of a stream after a point in time, oldest first.
-- name: ReadStream :many
-- plan: uses events_stream_at_idx
-- plan: no-scan
-- plan: no-sort
SELECT id, at, payload FROM events WHERE stream = ? AND at > ? ORDER BY at LIMIT ?;

-- name: DeleteStreamBefore :execrows
-- plan: no-scan events
DELETE FROM events WHERE stream = ? AND at < ?;

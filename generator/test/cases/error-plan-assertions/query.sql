-- Filtering on payload cannot use the index: the assertions say what the query relied on.
-- name: FindPayload :many
-- plan: uses events_stream_at_idx
-- plan: no-scan
-- plan: no-sort
SELECT id FROM events WHERE payload = ? ORDER BY at;

-- name: Typos :one
-- plan: uses events_stream_idx
-- plan: fast please
SELECT id FROM events WHERE stream = ? LIMIT 1;

-- A table scanned inside a subquery of the WHERE clause is a scan too.
-- name: StreamsWithPayload :many
-- plan: no-scan
SELECT id FROM events WHERE stream = ? AND id IN (SELECT e.id FROM events e WHERE e.payload = ?);

-- The children of a request: search params, headers, form bodies and assertions. Each is an
-- ordered list kept as a doubly linked list (prev/next); examples/data-layer/linked-list.ts moves
-- items with these queries inside one IMMEDIATE transaction.

-- name: InsertHTTPSearchParam :exec
INSERT INTO http_search_param (id, http_id, key, value, enabled, prev, next) VALUES (?, ?, ?, ?, ?, ?, ?);

-- name: GetHTTPSearchParam :one
SELECT * FROM http_search_param WHERE id = ?;

-- The items of a request in list order, following next from the head (the item without prev).
-- name: ListHTTPSearchParamsOrdered :many
-- plan: uses http_search_param_ordering_stream_idx
WITH RECURSIVE ordered AS (
    SELECT c.*, 0 AS position FROM http_search_param c WHERE c.http_id = sqlc.arg(http_id) AND c.prev IS NULL
    UNION ALL
    SELECT c.*, o.position + 1 FROM http_search_param c JOIN ordered o ON c.id = o.next
    WHERE c.http_id = sqlc.arg(http_id) AND o.position < 100000
)
SELECT id, http_id, key, value, enabled, prev, next, updated_at FROM ordered ORDER BY position;

-- Enabled items changed after a cursor, for streaming (uses http_search_param_streaming_idx).
-- name: StreamEnabledHTTPSearchParams :many
-- plan: uses http_search_param_streaming_idx
-- plan: no-scan
-- plan: no-sort
SELECT id, key, value, updated_at FROM http_search_param
WHERE http_id = ? AND enabled = TRUE AND updated_at > ?
ORDER BY updated_at DESC;

-- name: GetFirstHTTPSearchParam :one
SELECT id FROM http_search_param WHERE http_id = ? AND prev IS NULL AND id <> ?;

-- name: GetLastHTTPSearchParam :one
SELECT id FROM http_search_param WHERE http_id = ? AND next IS NULL AND id <> ?;

-- name: UpdateHTTPSearchParam :execrows
UPDATE http_search_param SET key = sqlc.arg(key), value = sqlc.arg(value), enabled = sqlc.arg(enabled), updated_at = unixepoch() WHERE id = sqlc.arg(id);

-- name: SetHTTPSearchParamLinks :exec
UPDATE http_search_param SET prev = ?, next = ?, updated_at = unixepoch() WHERE id = ?;

-- name: SetHTTPSearchParamPrev :exec
UPDATE http_search_param SET prev = ?, updated_at = unixepoch() WHERE id = ?;

-- name: SetHTTPSearchParamNext :exec
UPDATE http_search_param SET next = ?, updated_at = unixepoch() WHERE id = ?;

-- name: DeleteHTTPSearchParam :execrows
DELETE FROM http_search_param WHERE id = ?;

-- name: InsertHTTPHeader :exec
INSERT INTO http_header (id, http_id, key, value, enabled, prev, next) VALUES (?, ?, ?, ?, ?, ?, ?);

-- name: GetHTTPHeader :one
SELECT * FROM http_header WHERE id = ?;

-- The items of a request in list order, following next from the head (the item without prev).
-- name: ListHTTPHeadersOrdered :many
-- plan: uses http_header_ordering_stream_idx
WITH RECURSIVE ordered AS (
    SELECT c.*, 0 AS position FROM http_header c WHERE c.http_id = sqlc.arg(http_id) AND c.prev IS NULL
    UNION ALL
    SELECT c.*, o.position + 1 FROM http_header c JOIN ordered o ON c.id = o.next
    WHERE c.http_id = sqlc.arg(http_id) AND o.position < 100000
)
SELECT id, http_id, key, value, enabled, prev, next, updated_at FROM ordered ORDER BY position;

-- Enabled items changed after a cursor, for streaming (uses http_header_streaming_idx).
-- name: StreamEnabledHTTPHeaders :many
-- plan: uses http_header_streaming_idx
-- plan: no-scan
-- plan: no-sort
SELECT id, key, value, updated_at FROM http_header
WHERE http_id = ? AND enabled = TRUE AND updated_at > ?
ORDER BY updated_at DESC;

-- name: GetFirstHTTPHeader :one
SELECT id FROM http_header WHERE http_id = ? AND prev IS NULL AND id <> ?;

-- name: GetLastHTTPHeader :one
SELECT id FROM http_header WHERE http_id = ? AND next IS NULL AND id <> ?;

-- name: UpdateHTTPHeader :execrows
UPDATE http_header SET key = sqlc.arg(key), value = sqlc.arg(value), enabled = sqlc.arg(enabled), updated_at = unixepoch() WHERE id = sqlc.arg(id);

-- name: SetHTTPHeaderLinks :exec
UPDATE http_header SET prev = ?, next = ?, updated_at = unixepoch() WHERE id = ?;

-- name: SetHTTPHeaderPrev :exec
UPDATE http_header SET prev = ?, updated_at = unixepoch() WHERE id = ?;

-- name: SetHTTPHeaderNext :exec
UPDATE http_header SET next = ?, updated_at = unixepoch() WHERE id = ?;

-- name: DeleteHTTPHeader :execrows
DELETE FROM http_header WHERE id = ?;

-- name: InsertHTTPBodyForm :exec
INSERT INTO http_body_form (id, http_id, key, value, enabled, prev, next) VALUES (?, ?, ?, ?, ?, ?, ?);

-- name: GetHTTPBodyForm :one
SELECT * FROM http_body_form WHERE id = ?;

-- The items of a request in list order, following next from the head (the item without prev).
-- name: ListHTTPBodyFormsOrdered :many
-- plan: uses http_body_form_ordering_stream_idx
WITH RECURSIVE ordered AS (
    SELECT c.*, 0 AS position FROM http_body_form c WHERE c.http_id = sqlc.arg(http_id) AND c.prev IS NULL
    UNION ALL
    SELECT c.*, o.position + 1 FROM http_body_form c JOIN ordered o ON c.id = o.next
    WHERE c.http_id = sqlc.arg(http_id) AND o.position < 100000
)
SELECT id, http_id, key, value, enabled, prev, next, updated_at FROM ordered ORDER BY position;

-- Enabled items changed after a cursor, for streaming (uses http_body_form_streaming_idx).
-- name: StreamEnabledHTTPBodyForms :many
-- plan: uses http_body_form_streaming_idx
-- plan: no-scan
-- plan: no-sort
SELECT id, key, value, updated_at FROM http_body_form
WHERE http_id = ? AND enabled = TRUE AND updated_at > ?
ORDER BY updated_at DESC;

-- name: GetFirstHTTPBodyForm :one
SELECT id FROM http_body_form WHERE http_id = ? AND prev IS NULL AND id <> ?;

-- name: GetLastHTTPBodyForm :one
SELECT id FROM http_body_form WHERE http_id = ? AND next IS NULL AND id <> ?;

-- name: UpdateHTTPBodyForm :execrows
UPDATE http_body_form SET key = sqlc.arg(key), value = sqlc.arg(value), enabled = sqlc.arg(enabled), updated_at = unixepoch() WHERE id = sqlc.arg(id);

-- name: SetHTTPBodyFormLinks :exec
UPDATE http_body_form SET prev = ?, next = ?, updated_at = unixepoch() WHERE id = ?;

-- name: SetHTTPBodyFormPrev :exec
UPDATE http_body_form SET prev = ?, updated_at = unixepoch() WHERE id = ?;

-- name: SetHTTPBodyFormNext :exec
UPDATE http_body_form SET next = ?, updated_at = unixepoch() WHERE id = ?;

-- name: DeleteHTTPBodyForm :execrows
DELETE FROM http_body_form WHERE id = ?;

-- name: InsertHTTPAssert :exec
INSERT INTO http_assert (id, http_id, expression, enabled, prev, next) VALUES (?, ?, ?, ?, ?, ?);

-- name: GetHTTPAssert :one
SELECT * FROM http_assert WHERE id = ?;

-- The items of a request in list order, following next from the head (the item without prev).
-- name: ListHTTPAssertsOrdered :many
-- plan: uses http_assert_ordering_stream_idx
WITH RECURSIVE ordered AS (
    SELECT c.*, 0 AS position FROM http_assert c WHERE c.http_id = sqlc.arg(http_id) AND c.prev IS NULL
    UNION ALL
    SELECT c.*, o.position + 1 FROM http_assert c JOIN ordered o ON c.id = o.next
    WHERE c.http_id = sqlc.arg(http_id) AND o.position < 100000
)
SELECT id, http_id, expression, enabled, prev, next, updated_at FROM ordered ORDER BY position;

-- Enabled items changed after a cursor, for streaming (uses http_assert_streaming_idx).
-- name: StreamEnabledHTTPAsserts :many
-- plan: uses http_assert_streaming_idx
-- plan: no-scan
-- plan: no-sort
SELECT id, expression, updated_at FROM http_assert
WHERE http_id = ? AND enabled = TRUE AND updated_at > ?
ORDER BY updated_at DESC;

-- name: GetFirstHTTPAssert :one
SELECT id FROM http_assert WHERE http_id = ? AND prev IS NULL AND id <> ?;

-- name: GetLastHTTPAssert :one
SELECT id FROM http_assert WHERE http_id = ? AND next IS NULL AND id <> ?;

-- name: UpdateHTTPAssert :execrows
UPDATE http_assert SET expression = sqlc.arg(expression), enabled = sqlc.arg(enabled), updated_at = unixepoch() WHERE id = sqlc.arg(id);

-- name: SetHTTPAssertLinks :exec
UPDATE http_assert SET prev = ?, next = ?, updated_at = unixepoch() WHERE id = ?;

-- name: SetHTTPAssertPrev :exec
UPDATE http_assert SET prev = ?, updated_at = unixepoch() WHERE id = ?;

-- name: SetHTTPAssertNext :exec
UPDATE http_assert SET next = ?, updated_at = unixepoch() WHERE id = ?;

-- name: DeleteHTTPAssert :execrows
DELETE FROM http_assert WHERE id = ?;

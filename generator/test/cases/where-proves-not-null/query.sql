-- name: WithUrl :many
SELECT id, url, parent_http_id FROM http WHERE url IS NOT NULL AND parent_http_id IN (sqlc.slice(parents));

-- A comparison in WHERE rejects NULL, even on the optional side of a LEFT JOIN.
-- name: ParentsNamed :many
SELECT h.id, p.name AS parent_name, p.url AS parent_url
FROM http h LEFT JOIN http p ON p.id = h.parent_http_id
WHERE p.name = ?;

-- Under OR, or with IS, nothing is proven.
-- name: Unproven :many
SELECT url, parent_http_id FROM http WHERE url = ? OR parent_http_id IS ?;

-- NULL NOT IN () is true, so NOT IN proves nothing (the list may be an empty slice).
-- name: NotInProvesNothing :many
SELECT url FROM http WHERE url NOT IN (sqlc.slice(urls));

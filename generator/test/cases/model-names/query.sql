-- name: ListHeaders :many
SELECT sqlc.embed(p), sqlc.embed(h)
FROM http_headers h JOIN people p ON p.id = h.person_id
ORDER BY h.id;

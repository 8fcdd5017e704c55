-- This comment is separated by a blank line: not documentation.

-- Looks a request up by id.
-- Returns undefined when there is none.
-- name: GetHttpName :one
-- (comments below the header, as sqlc writes them, count too)
SELECT name FROM http WHERE id = ?;

/* name: CountHttp :one */
SELECT count(*) AS n FROM http;

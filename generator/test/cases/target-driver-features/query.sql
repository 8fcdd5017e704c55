-- name: SoundsLike :many
SELECT id, name FROM people WHERE soundex(name) = soundex(CAST(? AS TEXT));

-- Deletes the oldest rows, at most `limit` of them.
-- name: PruneOldest :execrows
DELETE FROM people WHERE seen_at < ? ORDER BY seen_at LIMIT ?;

-- name: TouchNewest :execrows
UPDATE people SET seen_at = ? WHERE name = ? ORDER BY id DESC LIMIT 1;

-- name: SearchNotes :many
SELECT docid, title, snippet(notes) AS excerpt FROM notes WHERE notes MATCH CAST(? AS TEXT);

-- name: AddNote :exec
INSERT INTO notes (title, body) VALUES (CAST(? AS TEXT), CAST(? AS TEXT));

-- name: AreasOverlapping :many
SELECT label FROM areas WHERE geopoly_overlap(_shape, CAST(? AS TEXT));

-- name: SearchArchive :many
SELECT rowid AS id, offsets(archive) AS hits FROM archive WHERE archive MATCH CAST(? AS TEXT);

-- name: CommonTerms :many
SELECT term, documents FROM note_terms WHERE col = '*' ORDER BY documents DESC LIMIT 10;

-- name: Tokenize :many
SELECT token, start, "end" FROM tokens WHERE input = CAST(? AS TEXT);

-- name: Dates :one
SELECT datetime('now') AS now, date(updated_at, 'unixepoch') AS day, strftime('%s', 'now') AS epoch_text, unixepoch() AS epoch
FROM http WHERE id = ?;

-- name: Casts :one
SELECT CAST(updated_at AS TEXT) AS as_text, CAST(name AS INTEGER) AS as_int, CAST(url AS REAL) AS maybe_real, CAST(id AS BLOB) AS as_blob
FROM http WHERE id = ?;

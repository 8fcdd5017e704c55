-- name: ReadKeys :one
SELECT r.id AS rowid_alias, t.code AS text_key, s.code AS strict_key, w.code AS without_rowid_key, c.a AS composite_key
FROM rowid_table r, text_key t, strict_key s, without_rowid w, composite c;

-- name: Missing :many
SELECT * FROM htp;

-- name: UsingStar :many
SELECT * FROM a JOIN b USING (k);

-- name: NaturalStar :many
SELECT * FROM a NATURAL JOIN b;

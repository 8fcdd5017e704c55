-- name: GetThing
SELECT 1;

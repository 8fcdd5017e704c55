-- name: GetThing :first
SELECT 1;

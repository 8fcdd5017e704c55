-- name: FindByNick :many
SELECT id FROM users WHERE nick ILIKE ?;

-- name: NickAsText :many
SELECT nick::text FROM users;

-- name: Recent :many
SELECT id FROM users WHERE created_at > NOW() - INTERVAL '1 day';

-- name: ByIds :many
SELECT id FROM users WHERE id = ANY(?);

-- name: FirstPerNick :many
SELECT DISTINCT ON (nick) id, nick FROM users ORDER BY nick, created_at;

-- name: ById :one
SELECT id FROM users WHERE id = $1::int;

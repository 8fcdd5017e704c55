-- name: AddEntry :execlastid
INSERT INTO ledger (id, account, amount, note) VALUES (?, ?, ?, ?);

-- name: ListEntries :many
SELECT * FROM ledger WHERE account = ? ORDER BY amount;

-- name: EntriesOf :many
SELECT id, amount FROM ledger WHERE amount IN (sqlc.slice('amounts')) ORDER BY id;

-- name: Balance :one
SELECT sum(amount) AS total, max(amount) AS largest, count(*) AS entries FROM ledger WHERE account = ?;

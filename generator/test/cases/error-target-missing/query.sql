-- name: NameOffset :many
SELECT id, sqlite_offset(name) AS at FROM people;

-- name: Program :many
SELECT opcode FROM bytecode(CAST(? AS TEXT));

-- name: TablesUsed :many
SELECT name FROM tables_used(CAST(? AS TEXT));

-- name: Statements :many
SELECT sql FROM sqlite_stmt;

-- name: Pages :many
SELECT pgno FROM sqlite_dbpage;

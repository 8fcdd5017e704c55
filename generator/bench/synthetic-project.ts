/**
 * A made-up project of a given size for the cold-start benchmark: `tables` tables chained by
 * foreign keys, and query files of ordinary queries (lookups, lists, joins, aggregates, writes).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const columnTypes = ["TEXT NOT NULL", "TEXT", "INTEGER NOT NULL", "INTEGER", "REAL", "BLOB", "BOOLEAN NOT NULL DEFAULT FALSE"];

export function writeSyntheticProject(dir: string, tables: number, queries: number): void {
  mkdirSync(join(dir, "schema"), { recursive: true });
  mkdirSync(join(dir, "queries"), { recursive: true });
  const schema: string[] = [];
  for (let t = 0; t < tables; t++) {
    const columns = ["  id INTEGER PRIMARY KEY", ...columnTypes.map((type, c) => `  c${c}_t${t} ${type}`)];
    if (t > 0) columns.push(`  parent_id INTEGER NOT NULL REFERENCES t${t - 1} (id) ON DELETE CASCADE`);
    schema.push(`CREATE TABLE t${t} (\n${columns.join(",\n")}\n);`);
    if (t > 0) schema.push(`CREATE INDEX t${t}_parent ON t${t} (parent_id);`);
  }
  writeFileSync(join(dir, "schema", "001_tables.sql"), schema.join("\n\n") + "\n");
  const perFile = 50;
  for (let f = 0; f * perFile < queries; f++) {
    const text: string[] = [];
    for (let q = f * perFile; q < Math.min(queries, (f + 1) * perFile); q++) text.push(query(q, q % tables));
    writeFileSync(join(dir, "queries", `file${String(f).padStart(3, "0")}.sql`), text.join("\n\n") + "\n");
  }
}

/** One query of six shapes, named uniquely by its number. */
function query(n: number, t: number): string {
  const p = Math.max(t, 1);
  switch (n % 6) {
    case 0:
      return `-- name: Get${n} :one\nSELECT * FROM t${t} WHERE id = ?;`;
    case 1:
      return `-- name: ListByParent${n} :many\nSELECT id, c0_t${p}, c1_t${p}, c3_t${p} FROM t${p} WHERE parent_id = :parent ORDER BY id LIMIT :limit;`;
    case 2:
      return `-- name: JoinParent${n} :many\nSELECT c.id, c.c1_t${p}, p.c0_t${p - 1} AS parent_name, p.c4_t${p - 1}\nFROM t${p} c LEFT JOIN t${p - 1} p ON p.id = c.parent_id\nWHERE c.c2_t${p} > ? AND (c.c1_t${p} IS NULL OR c.c1_t${p} LIKE ?);`;
    case 3:
      return `-- name: Count${n} :one\nSELECT count(*) AS n, max(c2_t${t}) AS top, coalesce(sum(c4_t${t}), 0) AS total FROM t${t} WHERE c6_t${t} = ?;`;
    case 4:
      return `-- name: Update${n} :execrows\nUPDATE t${t} SET c0_t${t} = :name, c3_t${t} = :maybe WHERE id = :id;`;
    default:
      return `-- name: Insert${n} :execlastid\nINSERT INTO t${p} (c0_t${p}, c2_t${p}, c6_t${p}, parent_id) VALUES (?, ?, ?, ?);`;
  }
}

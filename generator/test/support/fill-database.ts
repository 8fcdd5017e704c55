/**
 * Opens a real better-sqlite3 database with a case's schema and a few rows in every table:
 * values follow each column's declared type, and the last row leaves nullable columns NULL.
 * Keys are 1, 2, 3 (as integers, text or blobs), so foreign keys and joins find each other,
 * except in the last row, whose foreign keys dangle: outer joins meet a missing match.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { upPart } from "../../schema/apply-schema.js";
import { tsTypeOfDeclared } from "../../analyze/type-map.js";

export function schemaText(caseDir: string): string {
  const folder = join(caseDir, "schema");
  if (!existsSync(folder)) return existsSync(join(caseDir, "schema.sql")) ? readFileSync(join(caseDir, "schema.sql"), "utf8") : "";
  return readdirSync(folder)
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .map((f) => upPart(readFileSync(join(folder, f), "utf8")))
    .join("\n");
}

export function sampleValue(ts: string, i: number): unknown {
  switch (ts) {
    case "string":
      // Valid JSON too (a JSON string), so text parameters also suit json_each() and friends.
      return `"s${i}"`;
    case "Uint8Array":
      return Uint8Array.of(i);
    case "boolean":
      return i % 2;
    default:
      return i;
  }
}

interface ColumnInfo { name: string; type: string; notnull: number; pk: number; hidden: number }

export function openFilled(caseDir: string, rows = 3): Database.Database {
  const db = new Database(":memory:");
  db.pragma("foreign_keys = OFF");
  db.exec(schemaText(caseDir));
  const tables = db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  for (const table of tables) {
    const columns = (db.prepare("SELECT name, type, \"notnull\", pk, hidden FROM pragma_table_xinfo(?)").all(table) as ColumnInfo[]).filter((c) => c.hidden === 0);
    const insert = db.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c.name}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
    const foreignKeys = new Set(db.prepare('SELECT "from" FROM pragma_foreign_key_list(?)').pluck().all(table) as string[]);
    for (let i = 1; i <= rows; i++) {
      const last = i === rows;
      const values = columns.map((c) => {
        if (last && c.notnull === 0 && c.pk === 0) return null;
        return sampleValue(tsTypeOfDeclared(c.type || null), last && foreignKeys.has(c.name) ? 99 : i);
      });
      try {
        insert.run(...values);
      } catch {
        // A CHECK constraint may reject generic values; the other rows still exercise the queries.
      }
    }
  }
  return db;
}

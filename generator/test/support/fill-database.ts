/**
 * Opens a real better-sqlite3 database with a case's schema and a few rows in every table.
 * Values come from this file's own table of sample values per storage class, chosen by SQLite's
 * affinity rules, not from the generator's type mapping (which the execution test checks).
 * The last row leaves nullable columns NULL. Keys are 1, 2, 3 (as integers, text or blobs), so
 * foreign keys and joins find each other, except in the last row, whose foreign keys dangle:
 * outer joins meet a missing match.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { ParamIR, TypeMapping, ValueType } from "../../ir/query-ir.js";
import { upPart } from "../../schema/apply-schema.js";

export function schemaText(caseDir: string): string {
  const folder = join(caseDir, "schema");
  if (!existsSync(folder)) return existsSync(join(caseDir, "schema.sql")) ? readFileSync(join(caseDir, "schema.sql"), "utf8") : "";
  return readdirSync(folder)
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .map((f) => upPart(readFileSync(join(folder, f), "utf8")))
    .join("\n");
}

/** What a column holds: a storage class, or a convention stored in one (booleans as 0/1). */
export type Sample = "integer" | "real" | "text" | "blob" | "boolean" | "date";

/** Value number `i` (1, 2, 3, …) of each kind of sample. */
export function sampleValue(kind: Sample, i: number): unknown {
  switch (kind) {
    case "integer":
      return i;
    case "real":
      return i + 0.5;
    case "text":
      // Valid JSON too (a JSON string), so text parameters also suit json_each() and friends.
      return `"s${i}"`;
    case "blob":
      return Uint8Array.of(i);
    case "boolean":
      return i % 2;
    case "date":
      return `2024-01-0${i % 10}`;
  }
}

/** Parameters take the same sample values as the rows, so that they match some. */
const paramSample: Record<ValueType["ts"], Sample> = { number: "integer", string: "text", Uint8Array: "blob", boolean: "boolean", unknown: "integer" };

/**
 * A parameter's sample value number `i` of its kind (a list holds numbers i and i + 1): 1 matches
 * the filled rows; 4 and up match none (an insert then adds a row instead of hitting a key).
 */
export function paramValue(p: ParamIR, i = 1): unknown {
  const one = (n: number) => (p.type.mapping ? mappedValue(p.type.mapping, n) : p.type.ts === "boolean" ? n % 2 === 1 : sampleValue(paramSample[p.type.ts], n));
  return p.list ? [one(i), one(i + 1)] : one(i);
}

/**
 * A mapped parameter's value number `i`: what it converts to is what the rows hold (integers i,
 * text "s{i}"); fresh bigints (4 and up) lie beyond 2^53, where a number would lose them.
 */
function mappedValue(m: TypeMapping, i: number): unknown {
  switch (m.kind) {
    case "bigint":
      return i >= 4 ? 2n ** 60n + BigInt(i) : BigInt(i);
    case "json":
      return `s${i}`;
    case "literals":
      return m.values[(i - 1) % m.values.length];
    case "date":
      return m.encoding === "unixepoch" ? new Date(i * 1000) : m.encoding === "unixepoch-ms" ? new Date(i) : new Date(Date.UTC(2024, 0, i));
  }
}

/**
 * SQLite's affinity rules (https://sqlite.org/datatype3.html §3.1), then, for NUMERIC affinity,
 * what the usual type names mean. A column without a type holds integers (keys join as 1, 2, 3).
 */
export function sampleOfDeclared(declared: string): Sample {
  const t = declared.toUpperCase();
  if (t.includes("INT")) return "integer";
  if (/CHAR|CLOB|TEXT/.test(t)) return "text";
  if (t.includes("BLOB")) return "blob";
  if (/REAL|FLOA|DOUB/.test(t)) return "real";
  if (/^BOOL/.test(t)) return "boolean";
  if (/^(DATE|TIME)/.test(t)) return "date";
  if (/^JSON/.test(t)) return "text";
  return "integer";
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
        return sampleValue(sampleOfDeclared(c.type), last && foreignKeys.has(c.name) ? 99 : i);
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

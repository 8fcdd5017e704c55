/**
 * The two databases each size is measured on, as files in a temporary folder: "before" (the spec's
 * starting schema, before/schema.sql) and "after" (this repo's schema/). Both are seeded with the
 * same rows, then opened with the same connection settings (examples/data-layer/connection.ts: WAL,
 * synchronous=NORMAL, foreign keys on, busy_timeout…), so the comparison isolates schema and queries.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { applySchema, streamingPragmas } from "../../examples/data-layer/connection.js";
import { benchFile } from "./files.js";
import { seed, type DataSet } from "./seed.js";

export type Side = "before" | "after";
export const sides: readonly Side[] = ["before", "after"];

export interface BenchDatabase {
  readonly side: Side;
  readonly path: string;
  readonly db: Database.Database;
  readonly data: DataSet;
  readonly seedMs: number;
}

export function createBenchDatabase(dir: string, side: Side, requests: number): BenchDatabase {
  const path = join(dir, `${side}-${requests}.db`);
  const db = new Database(path);
  // Seeding only: no journal and a large cache (2M+ rows in one transaction), WAL afterwards.
  db.pragma("journal_mode = OFF");
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -500000");
  db.pragma("foreign_keys = ON");
  const t0 = performance.now();
  switch (side) {
    case "before":
      db.exec(readFileSync(benchFile("before/schema.sql"), "utf8"));
      break;
    case "after":
      applySchema(db);
      break;
  }
  // Indexes are built after the rows are in: one sort each instead of a b-tree insert per row.
  const indexes = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL").all() as { name: string; sql: string }[];
  for (const { name } of indexes) db.exec(`DROP INDEX ${name}`);
  const data = seed(db, requests);
  for (const { sql } of indexes) db.exec(sql);
  const seedMs = performance.now() - t0;
  for (const pragma of streamingPragmas({})) db.pragma(pragma);
  return { side, path, db, data, seedMs };
}

/** A connection of its own to a bench database, with the application's settings. */
export function connect(path: string): Database.Database {
  const db = new Database(path);
  for (const pragma of streamingPragmas({})) db.pragma(pragma);
  return db;
}

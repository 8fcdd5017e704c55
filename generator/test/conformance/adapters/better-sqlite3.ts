/**
 * The reference: better-sqlite3, whose results every other driver must reproduce. On Node 22 and
 * 24 it loads the build made for that Node (SQLGEN_NATIVE_MODULES, see runtimes.ts).
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import type BetterSqlite3 from "better-sqlite3";
import type { Connection } from "../runner.js";

const modules = process.env["SQLGEN_NATIVE_MODULES"];
const Database = createRequire(modules === undefined ? import.meta.url : join(modules, "loader.js"))("better-sqlite3") as typeof BetterSqlite3;

export async function open(): Promise<Connection> {
  const db = new Database(":memory:");
  db.pragma("foreign_keys = ON");
  return { db, exec: (sql) => void db.exec(sql), close: () => void db.close() };
}

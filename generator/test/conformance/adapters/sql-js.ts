/**
 * sql.js (SQLite compiled to WebAssembly), loaded once per process. `close()` is sql.js's own,
 * which frees every statement of the database (generated code offers closeDatabase(db) for
 * applications; the adapter does not know the generated db.ts).
 */
import initSqlJs from "sql.js";
import type { Connection } from "../runner.js";

let sql: ReturnType<typeof initSqlJs> | undefined;

export async function open(): Promise<Connection> {
  const SQL = await (sql ??= initSqlJs());
  const db = new SQL.Database();
  db.run("PRAGMA foreign_keys = ON");
  return { db, exec: (script) => void db.exec(script), close: () => db.close() };
}

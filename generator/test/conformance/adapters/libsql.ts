/** libsql, the synchronous better-sqlite3-compatible driver (foreign keys are on by default in libSQL; set anyway). */
import Database from "libsql";
import type { Connection } from "../runner.js";

export async function open(): Promise<Connection> {
  const db = new Database(":memory:");
  db.exec("PRAGMA foreign_keys = ON");
  return { db, exec: (sql) => void db.exec(sql), close: () => void db.close() };
}

/** The reference: better-sqlite3, whose results every other driver must reproduce. */
import Database from "better-sqlite3";
import type { Connection } from "../runner.js";

export async function open(): Promise<Connection> {
  const db = new Database(":memory:");
  db.pragma("foreign_keys = ON");
  return { db, exec: (sql) => void db.exec(sql), close: () => void db.close() };
}

/** node:sqlite, Node's built-in driver (Node 22.16+ and 24): foreign keys are on by default; said anyway. */
import { DatabaseSync } from "node:sqlite";
import type { Connection } from "../runner.js";

export async function open(): Promise<Connection> {
  const db = new DatabaseSync(":memory:", { enableForeignKeyConstraints: true });
  return { db, exec: (sql) => db.exec(sql), close: () => db.close() };
}

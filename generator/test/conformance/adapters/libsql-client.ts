/** @libsql/client (async) on a local in-memory database: one connection, so the PRAGMA holds for every call. */
import { createClient } from "@libsql/client";
import type { Connection } from "../runner.js";

export async function open(): Promise<Connection> {
  const client = createClient({ url: ":memory:" });
  await client.execute("PRAGMA foreign_keys = ON");
  return { db: client, exec: (sql) => client.executeMultiple(sql), close: () => client.close() };
}

/**
 * bun:sqlite, run inside Bun. Its types come from @types/bun: a reference would bring Bun's globals
 * into every file of a program, so tsconfig.json leaves this file out and
 * generator/test/runtime/bun-sqlite.test.ts type-checks it on its own.
 */
/// <reference types="bun" />
import { Database } from "bun:sqlite";
import type { Connection } from "../runner.js";

/** `safeIntegers`: Bun's bigint mode, for the runtime tests (generator/test/runtime/bun-sqlite.test.ts). */
export async function open(options: { safeIntegers?: boolean } = {}): Promise<Connection> {
  // strict: a missing binding throws instead of binding NULL silently.
  const db = new Database(":memory:", { strict: true, safeIntegers: options.safeIntegers === true });
  db.run("PRAGMA foreign_keys = ON");
  // Bun refuses a blank script (better-sqlite3 runs it as nothing).
  return { db, exec: (sql) => void (sql.trim() === "" || db.run(sql)), close: () => db.close() };
}

/**
 * Opens the application's Store on the driver its `DB` names: a path (or `:memory:`) is a SQLite
 * file for better-sqlite3; a URL (`file:…`, `libsql://…`, `http(s)://…`, `ws(s)://…`) is a libSQL
 * database for @libsql/client, loaded only then.
 */
import { openBetterSqlite3Store } from "./store-better-sqlite3.js";
import type { LibsqlOptions } from "./store-libsql.js";
import type { DriverName, Store } from "./store.js";

export type StoreOptions = LibsqlOptions;

/** The URL schemes @libsql/client opens; anything else is a path (a Windows `C:\…` included). */
const libsqlUrl = /^(file|libsql|https?|wss?):/i;

export function driverFor(db: string): DriverName {
  return libsqlUrl.test(db) ? "@libsql/client" : "better-sqlite3";
}

export async function openStore(db: string, options: StoreOptions = {}): Promise<Store> {
  switch (driverFor(db)) {
    case "better-sqlite3":
      return openBetterSqlite3Store(db, options);
    case "@libsql/client":
      return (await import("./store-libsql.js")).openLibsqlStore(db, options);
  }
}

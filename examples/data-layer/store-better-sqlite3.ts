/**
 * Store on better-sqlite3, through the sync generated layer (generated/): every call answers at
 * once, on one connection opened with the streaming settings of connection.ts.
 */
import * as layer from "../../generated/index.js";
import { openStreamingDatabase, type OpenOptions } from "./connection.js";
import { bindQueries, type Store } from "./store.js";

export function openBetterSqlite3Store(path: string, options: OpenOptions = {}): Store {
  const { db, close } = openStreamingDatabase(path, options);
  // Changes when another connection commits, never with this one's own commits: no SQL to run.
  const dataVersion = db.prepare("PRAGMA data_version").pluck();
  return {
    ...bindQueries(layer, db),
    driver: "better-sqlite3",
    externalVersion: () => dataVersion.get() as number,
    exec: (sql) => void db.exec(sql),
    close,
  };
}

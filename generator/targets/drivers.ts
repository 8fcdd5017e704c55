/**
 * The drivers generated code runs on: how each executes (sync or async, its variable limit), which
 * runtime files make its db.ts, and what its SQLite can do. One row per driver; `--driver` and the
 * config file's "driver" key take these names.
 */
import { betterSqlite3 } from "./better-sqlite3.js";
import { bunSqlite } from "./bun-sqlite.js";
import type { TargetCapabilities } from "./capabilities.js";
import { d1 } from "./d1.js";
import { libsql } from "./libsql.js";
import { nodeSqlite } from "./node-sqlite.js";
import { sqlJs } from "./sql-js.js";

export const driverNames = ["better-sqlite3", "node:sqlite", "bun:sqlite", "sql.js", "d1", "libsql", "@libsql/client"] as const;
export type Driver = (typeof driverNames)[number];

export interface DriverProfile {
  readonly name: Driver;
  /** Generated functions return Promises, and `:many` has no `…Iterate()`. */
  readonly async: boolean;
  /** Bound variables one statement may have (sqlc.slice lists included). */
  readonly maxVariables: number;
  /**
   * Why the driver cannot read a statement's integers as bigint (for `bigint` type options), or
   * null when it can (better-sqlite3/libsql `safeIntegers`, node:sqlite `setReadBigInts`, Bun `safeIntegers`).
   */
  readonly noBigints: string | null;
  /** Files of generator/runtime/, in order, that make the generated db.ts. */
  readonly runtime: readonly string[];
  /** The npm package (or built-in module) users install, for messages and the README. */
  readonly module: string;
  readonly capabilities: TargetCapabilities;
}

/** SQLite's default SQLITE_MAX_VARIABLE_NUMBER. */
const SQLITE_MAX_VARIABLES = 32766;

export const drivers: Readonly<Record<Driver, DriverProfile>> = {
  "better-sqlite3": { name: "better-sqlite3", async: false, maxVariables: SQLITE_MAX_VARIABLES, noBigints: null, runtime: ["values.ts", "core.ts", "sync-queries.ts", "iterators.ts", "prepared.ts", "better-sqlite3.ts", "migrations.ts", "migrate-sync.ts"], module: "better-sqlite3", capabilities: betterSqlite3 },
  "node:sqlite": { name: "node:sqlite", async: false, maxVariables: SQLITE_MAX_VARIABLES, noBigints: null, runtime: ["values.ts", "core.ts", "sync-queries.ts", "node-sqlite.ts", "migrations.ts", "migrate-sync.ts"], module: "node:sqlite", capabilities: nodeSqlite },
  // Bun's SQLite is built with MAX_VARIABLE_NUMBER=250000 (see targets/bun-sqlite.ts).
  "bun:sqlite": { name: "bun:sqlite", async: false, maxVariables: 250_000, noBigints: null, runtime: ["values.ts", "core.ts", "sync-queries.ts", "iterators.ts", "bun-sqlite.ts", "migrations.ts", "migrate-sync.ts"], module: "bun:sqlite", capabilities: bunSqlite },
  "sql.js": { name: "sql.js", async: false, maxVariables: SQLITE_MAX_VARIABLES, noBigints: null, runtime: ["values.ts", "core.ts", "sql-js-statements.ts", "sql-js.ts", "migrations.ts", "migrate-sync.ts"], module: "sql.js", capabilities: sqlJs },
  // D1 allows 100 bound parameters per statement (workerd's SQLITE_LIMIT_VARIABLE_NUMBER).
  d1: { name: "d1", async: true, maxVariables: 100, noBigints: "D1 returns every number as a JavaScript number", runtime: ["values.ts", "core.ts", "d1.ts", "d1-batch.ts", "migrations.ts", "migrate-d1.ts"], module: "Cloudflare D1 (a D1Database binding)", capabilities: d1 },
  libsql: { name: "libsql", async: false, maxVariables: SQLITE_MAX_VARIABLES, noBigints: null, runtime: ["values.ts", "core.ts", "sync-queries.ts", "iterators.ts", "prepared.ts", "libsql.ts", "migrations.ts", "migrate-sync.ts"], module: "libsql", capabilities: libsql },
  "@libsql/client": { name: "@libsql/client", async: true, maxVariables: SQLITE_MAX_VARIABLES, noBigints: "@libsql/client chooses number or bigint for a whole client (intMode), not per statement", runtime: ["values.ts", "core.ts", "libsql-client.ts", "migrations.ts", "migrate-libsql-client.ts"], module: "@libsql/client", capabilities: { ...libsql, driver: "@libsql/client" } },
};

export const defaultDriver: Driver = "better-sqlite3";

export function isDriver(name: string): name is Driver {
  return (driverNames as readonly string[]).includes(name);
}

/**
 * What a generated db.ts may export, on any driver (a driver's runtime exports a subset). Query
 * and model names must not take these; runtime names not listed here stay private to db.ts.
 */
export const runtimeExports: readonly string[] = ["PlainQuery", "SliceQuery", "SyncPlainQuery", "SyncSliceQuery", "SyncStatement", "PreparedQuery", "PreparedSliceQuery", "NativeStatement", "checkParameters", "endIterators", "immediate", "batch", "transaction", "MAX_VARIABLES", "Database", "Statement", "RunResult", "ExecResult", "ParamKind", "ParamKinds", "SqlParts", "PreparedStatement", "closeDatabase", "Migration", "applyMigrations", "textToDate", "dateToIso", "dateToSqliteText", "unixToDate", "dateToUnix", "unixMsToDate", "dateToUnixMs"];

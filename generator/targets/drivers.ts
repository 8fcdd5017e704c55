/**
 * The drivers generated code runs on: how each executes (sync or async, its variable limit), which
 * runtime files make its db.ts, and what its SQLite can do. One row per driver; `--driver` and the
 * config file's "driver" key take these names.
 */
import { betterSqlite3 } from "./better-sqlite3.js";
import type { TargetCapabilities } from "./capabilities.js";
import { libsql } from "./libsql.js";

export const driverNames = ["better-sqlite3", "libsql", "@libsql/client"] as const;
export type Driver = (typeof driverNames)[number];

export interface DriverProfile {
  readonly name: Driver;
  /** Generated functions return Promises, and `:many` has no `…Iterate()`. */
  readonly async: boolean;
  /** Bound variables one statement may have (sqlc.slice lists included). */
  readonly maxVariables: number;
  /** Files of generator/runtime/, in order, that make the generated db.ts. */
  readonly runtime: readonly string[];
  /** The npm package (or built-in module) users install, for messages and the README. */
  readonly module: string;
  readonly capabilities: TargetCapabilities;
}

/** SQLite's default SQLITE_MAX_VARIABLE_NUMBER. */
const SQLITE_MAX_VARIABLES = 32766;

export const drivers: Readonly<Record<Driver, DriverProfile>> = {
  "better-sqlite3": { name: "better-sqlite3", async: false, maxVariables: SQLITE_MAX_VARIABLES, runtime: ["core.ts", "iterators.ts", "prepared.ts", "better-sqlite3.ts"], module: "better-sqlite3", capabilities: betterSqlite3 },
  libsql: { name: "libsql", async: false, maxVariables: SQLITE_MAX_VARIABLES, runtime: ["core.ts", "iterators.ts", "prepared.ts", "libsql.ts"], module: "libsql", capabilities: libsql },
  "@libsql/client": { name: "@libsql/client", async: true, maxVariables: SQLITE_MAX_VARIABLES, runtime: ["core.ts", "libsql-client.ts"], module: "@libsql/client", capabilities: { ...libsql, driver: "@libsql/client" } },
};

export const defaultDriver: Driver = "better-sqlite3";

export function isDriver(name: string): name is Driver {
  return (driverNames as readonly string[]).includes(name);
}

/**
 * What a generated db.ts may export, on any driver (a driver's runtime exports a subset). Query
 * and model names must not take these; runtime names not listed here stay private to db.ts.
 */
export const runtimeExports: readonly string[] = ["PlainQuery", "SliceQuery", "checkParameters", "endIterators", "immediate", "transaction", "MAX_VARIABLES", "Database", "Statement", "RunResult", "ExecResult", "ParamKind", "ParamKinds", "SqlParts"];

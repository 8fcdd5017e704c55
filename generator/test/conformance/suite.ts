/**
 * The drivers the conformance suite runs, where each runs, and the type of a connection in the
 * driver's own published types (generated code must accept it without a cast). better-sqlite3 on
 * Node 20 is the reference every other row is compared with.
 */
import type { Driver } from "../../targets/drivers.js";
import type { Runtime } from "./runtimes.js";

export interface SuiteDriver {
  readonly driver: Driver;
  /** The adapter file in adapters/: `open()` gives a fresh database with foreign keys on. */
  readonly adapter: string;
  /** Runtimes the suite runs this driver on; every one must start (a driver that cannot is a failure). */
  readonly runtimes: readonly Runtime[];
  /** TypeScript that declares `Connection` as the driver's connection type, from its own types. */
  readonly connectionType: string;
  /** Golden cases the driver's SQLite cannot run, and why: generating them for it must fail. */
  readonly refusedCases?: Readonly<Record<string, string>>;
}

/** What libSQL (SQLite 3.45.1, see targets/libsql.ts) refuses of the golden cases. */
const libsqlRefuses = { "target-driver-features": "UPDATE/DELETE … ORDER BY … LIMIT" };

export const suite: readonly SuiteDriver[] = [
  {
    driver: "better-sqlite3",
    adapter: "better-sqlite3.ts",
    runtimes: ["node20"],
    connectionType: 'import type BetterSqlite3 from "better-sqlite3";\ntype Connection = BetterSqlite3.Database;',
  },
  {
    driver: "libsql",
    adapter: "libsql.ts",
    runtimes: ["node20", "node22", "node24", "bun"],
    connectionType: 'import type Libsql from "libsql";\ntype Connection = Libsql.Database;',
    refusedCases: libsqlRefuses,
  },
  {
    driver: "@libsql/client",
    adapter: "libsql-client.ts",
    runtimes: ["node20", "node22", "node24", "bun"],
    connectionType: 'import type { Client } from "@libsql/client";\ntype Connection = Client;',
    refusedCases: libsqlRefuses,
  },
];

export const reference: SuiteDriver = suite[0]!;

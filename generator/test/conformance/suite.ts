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
  /**
   * Golden cases that use what the driver's SQLite lacks, each with the message generating them
   * for this driver must fail with (checked, never run).
   */
  readonly refuses?: Readonly<Record<string, RegExp>>;
}

export const suite: readonly SuiteDriver[] = [
  {
    driver: "better-sqlite3",
    adapter: "better-sqlite3.ts",
    runtimes: ["node20"],
    connectionType: 'import type BetterSqlite3 from "better-sqlite3";\ntype Connection = BetterSqlite3.Database;',
  },
  {
    driver: "bun:sqlite",
    adapter: "bun-sqlite.ts",
    runtimes: ["bun"],
    connectionType: '/// <reference types="bun" />\nimport type { Database as BunDatabase } from "bun:sqlite";\ntype Connection = BunDatabase;',
    refuses: { "target-driver-features": /SG301 no such function: soundex/ },
  },
];

export const reference: SuiteDriver = suite[0]!;

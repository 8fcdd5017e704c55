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
  /** A native module built per Node ABI: the adapter loads it from SQLGEN_NATIVE_MODULES (runtimes.ts). */
  readonly native?: boolean;
  /**
   * Golden cases whose generation this driver refuses because they use what its SQLite lacks (see
   * generator/targets/), each with why: the suite checks that exactly these are refused, only by
   * the errors of something missing (SG101, SG301, SG302, SG306), and runs the rest.
   */
  readonly refuses?: Readonly<Record<string, string>>;
}

/** What libSQL (SQLite 3.45.1, see targets/libsql.ts) refuses of the golden cases. */
const libsqlRefuses = { "target-driver-features": "UPDATE/DELETE … ORDER BY … LIMIT" };

export const suite: readonly SuiteDriver[] = [
  {
    driver: "better-sqlite3",
    adapter: "better-sqlite3.ts",
    runtimes: ["node20", "node22", "node24"],
    connectionType: 'import type BetterSqlite3 from "better-sqlite3";\ntype Connection = BetterSqlite3.Database;',
    native: true,
  },
  {
    driver: "node:sqlite",
    adapter: "node-sqlite.ts",
    runtimes: ["node22", "node24"],
    refuses: { "target-driver-features": "soundex() and UPDATE/DELETE … LIMIT: better-sqlite3's SQLite has them, Node's lacks them" },
    // Node's own types: the reference directive makes @types/node visible to the strict check.
    connectionType: '/// <reference types="node" />\nimport type { DatabaseSync } from "node:sqlite";\ntype Connection = DatabaseSync;',
  },
  {
    driver: "bun:sqlite",
    adapter: "bun-sqlite.ts",
    runtimes: ["bun"],
    connectionType: '/// <reference types="bun" />\nimport type { Database as BunDatabase } from "bun:sqlite";\ntype Connection = BunDatabase;',
    refuses: { "target-driver-features": "soundex(): better-sqlite3 compiles SQLITE_SOUNDEX in, Bun's SQLite does not" },
  },
  {
    driver: "sql.js",
    adapter: "sql-js.ts",
    runtimes: ["node20", "node22", "node24", "bun"],
    connectionType: 'import type initSqlJs from "sql.js";\ntype Connection = initSqlJs.Database;',
    refuses: { "target-driver-features": "soundex(), geopoly and UPDATE/DELETE … LIMIT, which sql.js's SQLite lacks" },
  },
  {
    // Miniflare needs Node 22; its D1 binding runs in workerd (see adapters/d1.ts).
    driver: "d1",
    adapter: "d1.ts",
    runtimes: ["node22"],
    connectionType: '/// <reference types="@cloudflare/workers-types" />\ntype Connection = D1Database;',
    refuses: { "target-driver-features": "better-sqlite3's fts3/fts4, geopoly and soundex(), which D1 lacks", "type-bigint": "a bigint column: D1 returns numbers as doubles" },
  },
  {
    driver: "libsql",
    adapter: "libsql.ts",
    runtimes: ["node20", "node22", "node24", "bun"],
    connectionType: 'import type Libsql from "libsql";\ntype Connection = Libsql.Database;',
    refuses: libsqlRefuses,
  },
  {
    driver: "@libsql/client",
    adapter: "libsql-client.ts",
    runtimes: ["node20", "node22", "node24", "bun"],
    connectionType: 'import type { Client } from "@libsql/client";\ntype Connection = Client;',
    refuses: { ...libsqlRefuses, "type-bigint": "a bigint column: @libsql/client picks number or bigint per client (intMode)" },
  },
];

export const reference: SuiteDriver = suite[0]!;

/**
 * The application's storage, one interface on every driver: the generated functions it calls,
 * bound to a connection, each returning its value or a Promise of it. better-sqlite3's generated
 * layer (generated/) answers at once, @libsql/client's (generated-libsql/) with Promises; code
 * written against Store awaits either, so the server's logic exists once.
 */
import type * as syncLayer from "../../generated/index.js";

export type Awaitable<T> = T | Promise<T>;

/** The generated functions the application uses (same names and types in every generated layer). */
export const appQueries = [
  "createWorkspace",
  "getWorkspace",
  "createHTTP",
  "getHTTP",
  "updateHTTP",
  "deleteHTTP",
  "getHTTPWorkspaceSnapshotStreaming",
  "streamWorkspaceChanges",
  "latestChangeSeq",
  "changeLogHead",
  "logStreamingOperation",
  "pruneStreamingPerformanceLog",
  "trimStreamingPerformanceLog",
  "summarizeAllStreamingPerformance",
] as const;

type Name = (typeof appQueries)[number];
type SyncLayer = typeof syncLayer;

/** A generated function with its `db` bound, on a sync or an async driver. */
type Bound<F> = F extends (db: never, ...args: infer A) => infer R ? (...args: A) => Awaitable<Awaited<R>> : never;

/** A generated function taking a connection of type D, returning what better-sqlite3's does, or a Promise of it. */
type On<D, F> = F extends (db: never, ...args: infer A) => infer R ? (db: D, ...args: A) => Awaitable<Awaited<R>> : never;

export type AppQueries = { readonly [K in Name]: Bound<SyncLayer[K]> };

/** A generated layer whose functions take a `D`: type-checking a call of `bindQueries` proves the layer fits. */
export type QueryLayer<D> = { readonly [K in Name]: On<D, SyncLayer[K]> };

export type DriverName = "better-sqlite3" | "@libsql/client";

export interface Store extends AppQueries {
  readonly driver: DriverName;
  /**
   * A number that changes when another connection commits (it may also change with this process's
   * own commits): polled to notice writes by other processes on the same database.
   */
  externalVersion(): Awaitable<number>;
  /** Runs a script of several statements (schema, test set-up). */
  exec(sql: string): Awaitable<void>;
  close(): Awaitable<void>;
}

/** The application's functions of `layer`, each a closure calling one generated function on `db`. */
export function bindQueries<D>(layer: QueryLayer<D>, db: D): AppQueries {
  const bound: Record<string, (params?: unknown) => unknown> = {};
  for (const name of appQueries) {
    // Every function takes (db) or (db, params): a fixed arity keeps each closure's call monomorphic.
    const fn = layer[name] as (db: D, params?: unknown) => unknown;
    bound[name] = (params) => fn(db, params);
  }
  return bound as unknown as AppQueries;
}

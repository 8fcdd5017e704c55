/**
 * Store on @libsql/client, through the async generated layer (generated-libsql/): a local file
 * (`file:…`) or a libSQL server (`libsql://…`, `http(s)://…`, e.g. Turso or sqld).
 */
import { createClient, type Client } from "@libsql/client";
import * as layer from "../../generated-libsql/index.js";
import { schemaScripts, streamingPragmas, type OpenOptions } from "./connection.js";
import { bindQueries, type Store } from "./store.js";

export interface LibsqlOptions extends OpenOptions {
  /** The token of a remote database (Turso); a local file needs none. */
  readonly authToken?: string;
}

export async function openLibsqlStore(url: string, options: LibsqlOptions = {}): Promise<Store> {
  const local = /^file:/i.test(url);
  // A local file gets one connection: the client would open more for calls made while one is in
  // flight, without the settings below (they are per connection), and the libsql package runs each
  // call synchronously, so more connections would not run more at once. A server is its own judge.
  const client = createClient({ url, authToken: options.authToken, timeout: options.busyTimeoutMs ?? 5000, concurrency: local ? 1 : undefined });
  try {
    if (local) for (const pragma of streamingPragmas(options)) await client.execute(`PRAGMA ${pragma}`);
    if (options.migrate !== false && (await client.execute("SELECT count(*) FROM sqlite_schema")).rows[0]![0] === 0) await migrate(client);
  } catch (e) {
    client.close();
    throw e;
  }
  const queries = bindQueries(layer, client);
  return {
    ...queries,
    driver: "@libsql/client",
    // No PRAGMA data_version: it compares commits on one connection, and a server's calls may each
    // run on another. The head of change_log moves with every change, whoever committed it.
    externalVersion: async () => await queries.changeLogHead(),
    exec: async (sql) => void (await client.executeMultiple(sql)),
    close: async () => {
      if (local) await client.execute("PRAGMA optimize");
      client.close();
    },
  };
}

/** Applies schema/*.sql in one interactive write transaction (BEGIN IMMEDIATE on a local file). */
async function migrate(client: Client): Promise<void> {
  const tx = await client.transaction("write");
  try {
    for (const script of schemaScripts()) await tx.executeMultiple(script);
    await tx.commit();
  } finally {
    tx.close();
  }
}

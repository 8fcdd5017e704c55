/**
 * @libsql/client by hand at its fastest on a local database: one execute({ sql, args }) per call,
 * rows read by index, the blob id (an ArrayBuffer from the client) made a Uint8Array as a careful
 * data layer must.
 */
import { createClient, type Client, type Row } from "@libsql/client";
import { handSql, toRow, type BenchDriver, type HandForms } from "./workload.js";

const asRow = (r: Row) => toRow([new Uint8Array(r[0] as ArrayBuffer), r[1], r[2], r[3], r[4], r[5], r[6]]);

export const driver: BenchDriver = {
  async open() {
    const client = createClient({ url: ":memory:" });
    return { db: client, exec: (sql) => client.executeMultiple(sql), close: () => client.close() };
  },
  hand(connection): HandForms {
    const client = connection as Client;
    const all = async (sql: string, args: (Uint8Array | number | string)[]) => (await client.execute({ sql, args })).rows.map(asRow).length;
    return {
      snapshotPage: (ws, at, id, n) => all(handSql.snapshotPage, [ws, at, id, n]),
      pollChanges: (ws, since) => all(handSql.pollChanges, [ws, since]),
      deltasOf: (ids) => all(handSql.deltasOf, [...ids]),
      getHttp: async (id) => {
        const r = (await client.execute({ sql: handSql.getHttp, args: [id] })).rows[0];
        return r === undefined ? 0 : asRow(r).version;
      },
      renameHttp: async (name, at, id) => (await client.execute({ sql: handSql.renameHttp, args: [name, at, id] })).rowsAffected,
    };
  },
};

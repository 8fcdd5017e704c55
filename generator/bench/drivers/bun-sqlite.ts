/**
 * bun:sqlite by hand at its fastest: statements prepared once; lists read with `values()` and the
 * array mapper (`all()` with objects mapped by name measured no faster), single rows with `get()`
 * and their named fields.
 */
import { handSql, toRow, type BenchDriver, type HandForms, type Row } from "./workload.js";

/** The part of bun:sqlite used here, declared locally: Bun's own types would reach the whole build. */
interface BunStatement {
  get(...params: unknown[]): unknown;
  values(...params: unknown[]): unknown[][];
  run(...params: unknown[]): { changes: number };
}
interface BunDatabase {
  prepare(sql: string): BunStatement;
  run(sql: string): unknown;
  close(): void;
}

const module = "bun:sqlite";

type Named = { id: Uint8Array; name: string; url: string | null; method: string; is_delta: number; version: number; updated_at: number };
const fromNamed = (o: Named): Row => ({ id: o.id, name: o.name, url: o.url, method: o.method, isDelta: !!o.is_delta, version: o.version, updatedAt: o.updated_at });

export const driver: BenchDriver = {
  async open() {
    const { Database } = (await import(module)) as { Database: new (filename: string) => BunDatabase };
    const db = new Database(":memory:");
    return { db, exec: (sql) => void db.run(sql), close: () => db.close() };
  },
  hand(connection): HandForms {
    const db = connection as BunDatabase;
    const snapshot = db.prepare(handSql.snapshotPage);
    const poll = db.prepare(handSql.pollChanges);
    const deltas = db.prepare(handSql.deltasOf);
    const get = db.prepare(handSql.getHttp);
    const rename = db.prepare(handSql.renameHttp);
    const mapAll = (rs: unknown[][]) => rs.map(toRow).length;
    return {
      snapshotPage: (ws, at, id, n) => mapAll(snapshot.values(ws, at, id, n)),
      pollChanges: (ws, since) => mapAll(poll.values(ws, since)),
      deltasOf: (ids) => mapAll(deltas.values(...ids)),
      getHttp: (id) => {
        const o = get.get(id) as Named | null;
        return o === null ? 0 : fromNamed(o).version;
      },
      renameHttp: (name, at, id) => rename.run(name, at, id).changes,
    };
  },
};

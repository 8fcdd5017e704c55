/**
 * sql.js by hand at its fastest: statements prepared once, bound with an array, stepped with
 * `get()` (array rows) and reset, a small mapper; the changes of the update from getRowsModified().
 */
import initSqlJs, { type Database, type SqlValue, type Statement } from "sql.js";
import { handSql, toRow, type BenchDriver, type HandForms, type Row } from "./workload.js";

function all(stmt: Statement, args: SqlValue[]): number {
  stmt.bind(args);
  const rows: Row[] = [];
  while (stmt.step()) rows.push(toRow(stmt.get()));
  stmt.reset();
  return rows.length;
}

export const driver: BenchDriver = {
  async open() {
    const db = new (await initSqlJs()).Database();
    return { db, exec: (sql) => void db.exec(sql), close: () => db.close() };
  },
  hand(connection): HandForms {
    const db = connection as Database;
    const snapshot = db.prepare(handSql.snapshotPage);
    const poll = db.prepare(handSql.pollChanges);
    const deltas = db.prepare(handSql.deltasOf);
    const get = db.prepare(handSql.getHttp);
    const rename = db.prepare(handSql.renameHttp);
    return {
      snapshotPage: (ws, at, id, n) => all(snapshot, [ws, at, id, n]),
      pollChanges: (ws, since) => all(poll, [ws, since]),
      deltasOf: (ids) => all(deltas, [...ids]),
      getHttp: (id) => {
        get.bind([id]);
        const version = get.step() ? toRow(get.get()).version : 0;
        get.reset();
        return version;
      },
      renameHttp: (name, at, id) => {
        rename.run([name, at, id]);
        return db.getRowsModified();
      },
    };
  },
};

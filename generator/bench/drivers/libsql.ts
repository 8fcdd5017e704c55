/** libsql by hand at its fastest: statements prepared once, raw arrays, arguments as one array (no `flat()`). */
import Database from "libsql";
import { handSql, toRow, type BenchDriver, type HandForms } from "./workload.js";

export const driver: BenchDriver = {
  async open() {
    const db = new Database(":memory:");
    return { db, exec: (sql) => void db.exec(sql), close: () => void db.close() };
  },
  hand(connection): HandForms {
    const db = connection as Database.Database;
    const rows = (sql: string) => db.prepare(sql).raw(true);
    const snapshot = rows(handSql.snapshotPage);
    const poll = rows(handSql.pollChanges);
    const deltas = rows(handSql.deltasOf);
    const get = rows(handSql.getHttp);
    const rename = db.prepare(handSql.renameHttp);
    const mapAll = (rs: unknown[][]) => rs.map(toRow).length;
    return {
      snapshotPage: (ws, at, id, n) => mapAll(snapshot.all([ws, at, id, n]) as unknown[][]),
      pollChanges: (ws, since) => mapAll(poll.all([ws, since]) as unknown[][]),
      deltasOf: (ids) => mapAll(deltas.all([...ids]) as unknown[][]),
      getHttp: (id) => {
        const r = get.get([id]) as unknown[] | undefined;
        return r === undefined ? 0 : toRow(r).version;
      },
      renameHttp: (name, at, id) => rename.run([name, at, id]).changes,
    };
  },
};

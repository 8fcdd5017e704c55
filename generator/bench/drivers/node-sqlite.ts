/** node:sqlite by hand at its fastest: statements prepared once, array rows (setReturnArrays), a small mapper. */
import { DatabaseSync } from "node:sqlite";
import { handSql, toRow, type BenchDriver, type HandForms } from "./workload.js";

export const driver: BenchDriver = {
  async open() {
    const db = new DatabaseSync(":memory:");
    return { db, exec: (sql) => db.exec(sql), close: () => db.close() };
  },
  hand(connection): HandForms {
    const db = connection as DatabaseSync;
    const rows = (sql: string) => {
      const stmt = db.prepare(sql);
      stmt.setReturnArrays(true);
      return stmt;
    };
    const snapshot = rows(handSql.snapshotPage);
    const poll = rows(handSql.pollChanges);
    const deltas = rows(handSql.deltasOf);
    const get = rows(handSql.getHttp);
    const rename = db.prepare(handSql.renameHttp);
    const mapAll = (rs: unknown[][]) => rs.map(toRow).length;
    return {
      snapshotPage: (ws, at, id, n) => mapAll(snapshot.all(ws, at, id, n) as unknown as unknown[][]),
      pollChanges: (ws, since) => mapAll(poll.all(ws, since) as unknown as unknown[][]),
      deltasOf: (ids) => mapAll(deltas.all(...ids) as unknown as unknown[][]),
      getHttp: (id) => {
        const r = get.get(id) as unknown as unknown[] | undefined;
        return r === undefined ? 0 : toRow(r).version;
      },
      renameHttp: (name, at, id) => rename.run(name, at, id).changes as number,
    };
  },
};

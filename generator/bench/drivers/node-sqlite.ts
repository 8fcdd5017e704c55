/** node:sqlite by hand at its fastest: statements prepared once, array rows (setReturnArrays), a small mapper. */
import { DatabaseSync } from "node:sqlite";
import { arrayRowForms, handSql, type BenchDriver, type HandForms } from "./workload.js";

export const driver: BenchDriver = {
  async open() {
    const db = new DatabaseSync(":memory:");
    return { db, exec: (sql) => db.exec(sql), close: () => db.close() };
  },
  hand(connection): HandForms {
    const db = connection as DatabaseSync;
    const rename = db.prepare(handSql.renameHttp);
    const rows = (sql: string) => {
      const stmt = db.prepare(sql);
      stmt.setReturnArrays(true);
      return stmt;
    };
    return arrayRowForms(rows, (name, at, id) => rename.run(name, at, id).changes as number);
  },
};

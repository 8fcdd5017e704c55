/** better-sqlite3 by hand at its fastest: statements prepared once, raw arrays, a small mapper. */
import Database from "better-sqlite3";
import { arrayRowForms, handSql, type BenchDriver, type HandForms } from "./workload.js";

export const driver: BenchDriver = {
  async open() {
    const db = new Database(":memory:");
    return { db, exec: (sql) => void db.exec(sql), close: () => void db.close() };
  },
  hand(connection): HandForms {
    const db = connection as Database.Database;
    const rename = db.prepare(handSql.renameHttp);
    return arrayRowForms((sql) => db.prepare(sql).raw(true), (name, at, id) => rename.run(name, at, id).changes);
  },
};

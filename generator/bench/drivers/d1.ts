/**
 * Cloudflare D1 by hand at its fastest, on Miniflare's D1 (workerd, Node 22): statements prepared
 * once and bound per call, rows as arrays (`raw()`), the blob id (a number[] from D1) made a
 * Uint8Array as a careful data layer must. Every call crosses from Node into workerd, as the
 * generated code's do.
 */
import { Miniflare } from "miniflare";
import { handSql, toRow, type BenchDriver, type HandForms } from "./workload.js";

/** The parts of a D1Database binding the forms use (workers types stay out of the repo's type-check). */
interface D1Statement {
  bind(...values: unknown[]): D1Statement;
  raw(): Promise<unknown[][]>;
  run(): Promise<{ meta: { changes: number } }>;
}
interface D1 {
  prepare(sql: string): D1Statement;
  batch(statements: D1Statement[]): Promise<unknown>;
}

const asRow = (r: unknown[]) => toRow([Uint8Array.from(r[0] as number[]), r[1], r[2], r[3], r[4], r[5], r[6]]);

export const driver: BenchDriver = {
  async open() {
    const mf = new Miniflare({ modules: true, script: "export default { fetch() { return new Response(); } };", d1Databases: ["DB"], compatibilityDate: "2026-07-01" });
    const db = (await mf.getD1Database("DB")) as unknown as D1;
    // The workload's script has no triggers: its statements end at a semicolon and a line break.
    const exec = async (sql: string) => void (await db.batch(sql.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean).map((s) => db.prepare(s))));
    return { db, exec, close: () => mf.dispose() };
  },
  hand(connection): HandForms {
    const db = connection as D1;
    const [snapshot, poll, deltas, get, rename] = [handSql.snapshotPage, handSql.pollChanges, handSql.deltasOf, handSql.getHttp, handSql.renameHttp].map((sql) => db.prepare(sql)) as [D1Statement, D1Statement, D1Statement, D1Statement, D1Statement];
    const all = async (stmt: D1Statement, args: unknown[]) => (await stmt.bind(...args).raw()).map(asRow).length;
    return {
      snapshotPage: (ws, at, id, n) => all(snapshot, [ws, at, id, n]),
      pollChanges: (ws, since) => all(poll, [ws, since]),
      deltasOf: (ids) => all(deltas, [...ids]),
      getHttp: async (id) => {
        const r = (await get.bind(id).raw())[0];
        return r === undefined ? 0 : asRow(r).version;
      },
      renameHttp: async (name, at, id) => (await rename.bind(name, at, id).run()).meta.changes,
    };
  },
};

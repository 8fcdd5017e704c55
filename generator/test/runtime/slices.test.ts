/** sqlc.slice at run time, on real SQLite: sqlc's open slice bugs, fixed. */
import { beforeAll, describe, expect, it } from "vitest";
import { countingPrepares, loadCase, type Module } from "./load-case.js";

let query: Module;
let open: () => import("better-sqlite3").Database;
const ws = Uint8Array.of(1);
const other = Uint8Array.of(2);
const id = (n: number) => Uint8Array.of(n);

beforeAll(async () => {
  ({ query, open } = await loadCase("slice-positions"));
});

function seeded() {
  const db = open();
  db.prepare("INSERT INTO workspaces (id, name) VALUES (?, 'w1'), (?, 'w2')").run(ws, other);
  const insert = db.prepare("INSERT INTO http (id, workspace_id, name, method) VALUES (?, ?, ?, ?)");
  const methods = ["GET", "POST", "PUT", "DELETE", "GET", "POST", "PATCH", "GET"];
  methods.forEach((m, i) => insert.run(id(i + 1), i < 6 ? ws : other, `n${i + 1}`, m));
  return db;
}

/** The same filter written with literal values, as the reference. */
function reference(db: import("better-sqlite3").Database, methods: string[], excluded: number[], name: string, limit: number): number[] {
  const list = (xs: string[]) => xs.join(", ");
  const sql = `SELECT id FROM http WHERE method IN (${list(methods.map((m) => `'${m}'`))}) AND workspace_id = x'01'
    AND id NOT IN (${list(excluded.map((e) => `x'${e.toString(16).padStart(2, "0")}'`))}) AND (name = '${name}' OR method IN (${list(methods.map((m) => `'${m}'`))})) LIMIT ${limit}`;
  return (db.prepare(sql).raw(true).all() as [Uint8Array][]).map(([b]) => b[0]);
}

describe("sqlc.slice", () => {
  it("binds every occurrence, before, between and after other parameters (sqlc #2452, #3327)", () => {
    const db = seeded();
    for (const [methods, excluded] of [
      [["GET"], [1]],
      [["GET", "POST"], [2, 3]],
      [["PUT", "DELETE", "PATCH"], [7]],
      [["GET", "POST", "PUT", "DELETE", "PATCH"], [1, 2, 3, 4, 5]],
    ] as [string[], number[]][]) {
      const rows = query.filterHttp(db, { methods, workspaceId: ws, excluded: excluded.map(id), name: "n4", limit: 10 });
      const got = rows.map((r: { id: Uint8Array }) => r.id[0]);
      expect(got).toEqual(reference(db, methods, excluded, "n4", 10));
    }
  });

  it("treats an empty list as SQL does: IN () matches nothing, NOT IN () everything (sqlc #3451)", () => {
    const db = seeded();
    expect(query.filterHttp(db, { methods: [], workspaceId: ws, excluded: [id(1)], name: "n2", limit: 10 })).toEqual([]);
    const all = query.filterHttp(db, { methods: ["GET", "POST", "PUT", "DELETE"], workspaceId: ws, excluded: [], name: "", limit: 10 });
    expect(all.map((r: { id: Uint8Array }) => r.id[0])).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("keeps statements cached: one per padded length combination", () => {
    const { db, count } = countingPrepares(seeded());
    const call = (methods: string[]) => query.filterHttp(db, { methods, workspaceId: ws, excluded: [id(9)], name: "", limit: 5 });
    call(["GET", "POST", "PUT"]);
    call(["GET", "POST", "PUT", "DELETE"]); // 3 and 4 both pad to 4
    call(["GET", "POST", "PATCH"]);
    expect(count()).toBe(1);
    call(["GET", "POST", "PUT", "DELETE", "PATCH"]); // pads to 8
    expect(count()).toBe(2);
  });

  it("never splices values into SQL text", () => {
    const db = seeded();
    const hostile = ["GET') OR 1=1 --", "x'); DROP TABLE http; --"];
    expect(query.filterHttp(db, { methods: hostile, workspaceId: ws, excluded: [], name: "", limit: 10 })).toEqual([]);
    expect((db.prepare("SELECT count(*) FROM http").pluck().get() as number)).toBe(8);
  });

  it("fails clearly past SQLite's variable limit, naming the parameter", () => {
    const db = seeded();
    const methods = Array.from({ length: 40_000 }, (_, i) => `m${i}`);
    expect(() => query.filterHttp(db, { methods, workspaceId: ws, excluded: [], name: "", limit: 1 })).toThrow(/sqlc\.slice methods has 40000 values; SQLite allows at most 32766/);
  });
});

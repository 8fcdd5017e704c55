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
      const got = rows.map((r: Uint8Array) => r[0]);
      expect(got).toEqual(reference(db, methods, excluded, "n4", 10));
    }
  });

  it("treats an empty list as SQL does: IN () matches nothing, NOT IN () everything (sqlc #3451)", () => {
    const db = seeded();
    expect(query.filterHttp(db, { methods: [], workspaceId: ws, excluded: [id(1)], name: "n2", limit: 10 })).toEqual([]);
    const all = query.filterHttp(db, { methods: ["GET", "POST", "PUT", "DELETE"], workspaceId: ws, excluded: [], name: "", limit: 10 });
    expect(all.map((r: Uint8Array) => r[0])).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("caches one statement per exact combination of list lengths up to 64", () => {
    const { db, count } = countingPrepares(seeded());
    const ref = seeded(); // the reference's own prepares are not counted
    const call = (methods: string[], excluded: number[]) => {
      const rows = query.filterHttp(db, { methods, workspaceId: ws, excluded: excluded.map(id), name: "", limit: 10 });
      expect(rows.map((r: Uint8Array) => r[0])).toEqual(reference(ref, methods, excluded, "", 10));
    };
    call(["GET", "POST", "PUT"], [1]);
    call(["GET", "POST", "PATCH"], [2]);
    expect(count()).toBe(1);
    call(["GET", "POST", "PUT"], [1, 2]); // same first list, other second: a statement of its own
    expect(count()).toBe(2);
    call(["GET", "POST", "PUT", "DELETE"], [1, 2]);
    expect(count()).toBe(3);
  });

  it("pads lists longer than 64 to a power of two, by repeating the last value (right for NOT IN)", () => {
    const { db, count } = countingPrepares(seeded());
    const ref = seeded();
    const filler = (n: number) => Array.from({ length: n }, (_, i) => 100 + i);
    for (const excluded of [[...filler(64), 2, 3], [...filler(99), 4]]) {
      const rows = query.filterHttp(db, { methods: ["GET", "POST", "PUT", "DELETE"], workspaceId: ws, excluded: excluded.map((n) => Uint8Array.of(n % 256)), name: "", limit: 10 });
      expect(rows.map((r: Uint8Array) => r[0])).toEqual(reference(ref, ["GET", "POST", "PUT", "DELETE"], excluded.map((n) => n % 256), "", 10));
    }
    expect(count()).toBe(1); // 66 and 100 values share the statement for 128
  });

  it("iterates the same rows, each iteration on a statement of its own", () => {
    const db = seeded();
    const params = (methods: string[]) => ({ methods, workspaceId: ws, excluded: [id(2)], name: "", limit: 10 });
    const ids = (rows: Iterable<Uint8Array>) => [...rows].map((r) => r[0]);
    const nested: number[][] = [];
    for (const _ of query.filterHttpIterate(db, params(["GET", "POST"]))) nested.push(ids(query.filterHttpIterate(db, params(["GET", "POST"]))));
    expect(nested).toEqual([[1, 5, 6], [1, 5, 6], [1, 5, 6]]);
    expect(ids(query.filterHttpIterate(db, params(["PUT", "DELETE", "GET"])))).toEqual(ids(query.filterHttp(db, params(["PUT", "DELETE", "GET"]))));
  });

  it("never splices values into SQL text", () => {
    const db = seeded();
    const hostile = ["GET') OR 1=1 --", "x'); DROP TABLE http; --"];
    expect(query.filterHttp(db, { methods: hostile, workspaceId: ws, excluded: [], name: "", limit: 10 })).toEqual([]);
    expect((db.prepare("SELECT count(*) FROM http").pluck().get() as number)).toBe(8);
  });

  it("never pads past SQLite's variable limit: lists up to the limit work beside other parameters", () => {
    const db = seeded();
    // 20,000 would pad to 32,768; with the 3 other parameters and methods twice, exact fits.
    const excluded = [...Array.from({ length: 19_999 }, (_, i) => 1000 + i), 2];
    const rows = query.filterHttp(db, { methods: ["GET"], workspaceId: ws, excluded: excluded.map((n) => Uint8Array.of(n % 256)), name: "", limit: 10 });
    expect(rows.map((r: Uint8Array) => r[0])).toEqual(reference(db, ["GET"], [...new Set(excluded.map((n) => n % 256))], "", 10));
  });

  it("fails clearly past SQLite's variable limit, naming the query, the lists with their lengths, and the limit", () => {
    const db = seeded();
    const methods = Array.from({ length: 16_382 }, (_, i) => `m${i}`); // used twice: 32,764, plus 3 + 1
    expect(() => query.filterHttp(db, { methods, workspaceId: ws, excluded: [id(1)], name: "", limit: 1 })).toThrow(
      /^FilterHttp: sqlc\.slice methods \(16382 values\), excluded \(1 values\) with 3 other parameters need 32768 bound variables; SQLite allows at most 32766 per statement$/,
    );
  });
});

describe("sqlc.slice in :one and :execrows", () => {
  it("counts and deletes the listed rows, padded past 64 values", async () => {
    const basic = await loadCase("slice-basic");
    const db = basic.open();
    db.prepare("INSERT INTO workspaces (id, name) VALUES (x'01', 'w')").run();
    const insert = db.prepare("INSERT INTO http (id, workspace_id, name) VALUES (?, x'01', ?)");
    for (let i = 1; i <= 8; i++) insert.run(id(i), `n${i}`);
    const many = [...Array.from({ length: 70 }, (_, i) => id(100 + i)), id(1), id(2)];
    expect(basic.query.countHttpByIds(db, { ids: many })).toBe(2);
    expect(basic.query.countHttpByIds(db, { ids: [] })).toBe(0);
    expect(basic.query.deleteHttpByIds(db, { ids: many })).toBe(2);
    expect(basic.query.deleteHttpByIds(db, { ids: [id(3)] })).toBe(1);
    expect(db.prepare("SELECT count(*) FROM http").pluck().get()).toBe(5);
  });
});

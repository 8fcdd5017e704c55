/**
 * Each result column and parameter carries why it is (or is not) nullable, decided where analysis
 * decides its nullability: the kinds of reason for representative cases.
 */
import { describe, expect, it } from "vitest";
import type { QueryIR } from "../ir/query-ir.js";
import { generate } from "../pipeline/generate.js";

const schema = `CREATE TABLE folders (id INTEGER PRIMARY KEY, name TEXT NOT NULL, note TEXT, parent_id INTEGER REFERENCES folders (id));
CREATE TABLE files (id INTEGER PRIMARY KEY, folder_id INTEGER REFERENCES folders (id), title TEXT NOT NULL, size INTEGER);
`;

async function query(sql: string): Promise<QueryIR> {
  const result = await generate({ schema: [{ path: "schema.sql", text: schema }], queries: [{ path: "q.sql", text: `-- name: Q :many\n${sql};\n` }], options: { emit: false } });
  expect(result.diagnostics).toEqual([]);
  return result.program.modules[0].queries[0];
}

/** Each result column as `name: nullable|not null: why`. */
async function columns(sql: string): Promise<string[]> {
  return (await query(sql)).columns.map((c) => `${c.name}: ${c.type.nullable ? "nullable" : "not null"}: ${c.type.why}`);
}

describe("why a result column is or is not nullable", () => {
  it("a column's declaration: NOT NULL, or none", async () => {
    expect(await columns("SELECT name, note FROM folders")).toEqual(["name: not null: column declared NOT NULL", "note: nullable: column has no NOT NULL"]);
  });

  it("the right side of a LEFT JOIN, named as written", async () => {
    expect(await columns("SELECT fi.title, f.name FROM files fi LEFT JOIN folders f ON f.id = fi.folder_id")).toEqual([
      "title: not null: column declared NOT NULL",
      "name: nullable: right side of LEFT JOIN `folders f`",
    ]);
  });

  it("a WHERE term that filters NULL out, even on the optional side of a join", async () => {
    expect(await columns("SELECT f.id, f.note FROM files fi LEFT JOIN folders f ON f.id = fi.folder_id WHERE f.id IS NOT NULL AND f.note = 'x'")).toEqual([
      "id: not null: WHERE f.id IS NOT NULL",
      "note: not null: WHERE f.note = …",
    ]);
  });

  it("COALESCE: not null through its non-null argument, nullable when every argument may be NULL", async () => {
    expect(await columns("SELECT coalesce(note, name) AS a, coalesce(note, NULL) AS b FROM folders")).toEqual([
      "a: not null: coalesce() has an argument that is never NULL: `name`, column declared NOT NULL",
      "b: nullable: every argument of coalesce() may be NULL",
    ]);
  });

  it("aggregates: over a possibly empty set without GROUP BY; count() never", async () => {
    expect(await columns("SELECT max(size) AS top, count(*) AS n FROM files")).toEqual([
      "top: nullable: max() is an aggregate over a possibly empty set of rows (NULL when there are none)",
      "n: not null: count() is never NULL",
    ]);
    expect(await columns("SELECT folder_id, max(title) AS top FROM files GROUP BY folder_id")).toEqual([
      "folder_id: nullable: column has no NOT NULL",
      "top: not null: no argument of max() is NULL",
    ]);
  });

  it("operators pass on their nullable operand's reason", async () => {
    expect(await columns("SELECT size + 1 AS next FROM files")).toEqual(["next: nullable: an operand of + may be NULL: `size`, column has no NOT NULL"]);
  });
});

describe("why a parameter is or is not nullable", () => {
  it("from the column it is compared with or stored in, or sqlc.narg", async () => {
    const q = await query("SELECT id FROM files WHERE title = :title AND size > sqlc.narg(min_size) AND folder_id IN (sqlc.slice(ids)) LIMIT :limit");
    expect(q.params.map((p) => `${p.name}: ${p.type.nullable ? "nullable" : "not null"}: ${p.type.why}`)).toEqual([
      "title: not null: used with `title`, column declared NOT NULL",
      "min_size: nullable: sqlc.narg() allows NULL",
      "ids: not null: an item of IN (…), where NULL matches nothing",
      "limit: not null: LIMIT needs a number",
    ]);
  });
});

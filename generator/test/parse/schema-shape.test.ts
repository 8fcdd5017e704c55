/** What a schema statement declares, read by sqlgen's parser: spans are shown as the text they cover. */
import { describe, expect, it } from "vitest";
import { declaredShape } from "../../parse/schema-shape.js";

function shape(sql: string) {
  const at = (s: { span: { start: number; end: number } } | null) => (s === null ? null : sql.slice(s.span.start, s.span.end));
  const d = declaredShape("schema.sql", { sql, start: 0, end: sql.length } as Parameters<typeof declaredShape>[1]);
  return {
    table: d.table,
    columns: d.columns.map((c) => [c.name, at(c.at), at(c.type)]),
    references: d.references.map((r) => [r.table, at(r.at)]),
    choices: d.choices.map((c) => [c.column, c.values]),
  };
}

describe("declaredShape", () => {
  it("reads columns, types, references and CHECK lists of a CREATE TABLE", () => {
    const sql = `CREATE TABLE IF NOT EXISTS main.http (
      id BLOB PRIMARY KEY,
      "the name" VARCHAR(10) NOT NULL CHECK (("the name" IN ('a', 'it''s'))),
      n INT CHECK (n IN (1, 2_000)) REFERENCES other(id) ON DELETE CASCADE,
      initials TEXT GENERATED ALWAYS AS (substr(n, 1, 1)) STORED,
      plain,
      CONSTRAINT c CHECK (plain IN (1.5, 2)),
      FOREIGN KEY (plain) REFERENCES "quoted table"(id)
    ) STRICT`;
    expect(shape(sql)).toEqual({
      table: "http",
      columns: [
        ["id", "id BLOB PRIMARY KEY", "BLOB"],
        ["the name", `"the name" VARCHAR(10) NOT NULL CHECK (("the name" IN ('a', 'it''s')))`, "VARCHAR(10)"],
        ["n", "n INT CHECK (n IN (1, 2_000)) REFERENCES other(id) ON DELETE CASCADE", "INT"],
        ["initials", "initials TEXT GENERATED ALWAYS AS (substr(n, 1, 1)) STORED", "TEXT"],
        ["plain", "plain", null],
      ],
      references: [["other", "other"], ["quoted table", '"quoted table"']],
      choices: [["the name", ["a", "it's"]], ["n", [1, 2000]], ["plain", [1.5, 2]]],
    });
  });

  it("reads the column an ALTER TABLE adds", () => {
    expect(shape("ALTER TABLE t ADD COLUMN z TEXT DEFAULT 'x' CHECK (z IN ('x', 'y'))")).toEqual({
      table: "t",
      columns: [["z", "z TEXT DEFAULT 'x' CHECK (z IN ('x', 'y'))", "TEXT"]],
      references: [],
      choices: [["z", ["x", "y"]]],
    });
  });

  it("declares nothing for other statements, and gives up quietly on what it cannot read", () => {
    const none = { table: null, columns: [], references: [], choices: [] };
    expect(shape("CREATE INDEX i ON t (a)")).toEqual(none);
    expect(shape("CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END")).toEqual(none);
    expect(shape("CREATE TABLE")).toEqual(none);
    expect(shape("ALTER TABLE t RENAME TO u")).toEqual({ ...none, table: "t" });
  });

  it("keeps conditions other than a list of literals out of the choices", () => {
    expect(shape("CREATE TABLE t (a CHECK (a IN (1, 'x')), b CHECK (b NOT IN (1)), c CHECK (c IN (SELECT 1)), d CHECK (d > 0))").choices).toEqual([]);
  });
});

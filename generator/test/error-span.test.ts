/** Where an error SQLite gives without an offset lands: on the name its message blames. */
import { expect, it } from "vitest";
import { errorSpan } from "../sqlite/error-span.js";
import { findName } from "../sqlite/find-name.js";

const at = (sql: string, message: string) => {
  const span = errorSpan({ message, byteOffset: -1 }, sql, 0);
  return sql.slice(span.start, span.end);
};

it("finds names as tokens, skipping strings and comments, comparing quoted names unquoted", () => {
  const sql = `SELECT 'user', /* user */ "user" -- user\nFROM [User], user`;
  expect(findName(sql, "user")).toEqual({ start: sql.indexOf('"user"'), end: sql.indexOf('"user"') + 6 });
  expect(findName(sql, "USER", 2)).toEqual({ start: sql.indexOf("[User]"), end: sql.indexOf("[User]") + 6 });
  expect(findName(sql, "user", 4)).toBeNull();
  expect(findName(`SELECT "a""b" FROM t`, 'a"b')).toEqual({ start: 7, end: 13 });
  // Characters that mean something in a pattern are just characters here.
  expect(findName("SELECT * FROM [a.*(b]", "a.*(b")).toEqual({ start: 14, end: 21 });
});

it("points at the name each kind of message blames", () => {
  expect(at("CREATE INDEX i ON users (email)", "no such table: main.users")).toBe("users");
  expect(at("CREATE TABLE z (a TEXT, b INT, a INT)", "duplicate column name: a")).toBe("a");
  expect(errorSpan({ message: "duplicate column name: a", byteOffset: -1 }, "CREATE TABLE z (a TEXT, b INT, a INT)", 0).start).toBe(31);
  expect(at("SELECT t.nope FROM t", "no such column: t.nope")).toBe("nope");
  expect(at("CREATE TABLE c (p REFERENCES parent (id))", 'foreign key mismatch - "c" referencing "parent"')).toBe("parent");
  expect(at("SELECT 1", "no such table: elsewhere")).toBe("");
});

/** The parser's tokens: what SQLite reads as one token is one, offsets are into the text. */
import { describe, expect, it } from "vitest";
import { sqlTokens } from "../../parse/sql-tokens.js";

const kinds = (sql: string) => sqlTokens(sql).map((t) => `${t.kind}:${t.text}`);

describe("sqlTokens", () => {
  it("joins the parts of a number", () => {
    expect(kinds("2.5 1e-3 1.5E+10 .5 1. 0x1F 1_000 1.e5")).toEqual(["number:2.5", "number:1e-3", "number:1.5E+10", "number:.5", "number:1.", "number:0x1F", "number:1_000", "number:1.e5"]);
  });

  it("keeps a member access apart from a number", () => {
    expect(kinds("t.a - 1")).toEqual(["word:t", "op:.", "word:a", "op:-", "number:1"]);
  });

  it("reads every placeholder spelling, Tcl's $name(suffix) included", () => {
    expect(kinds("? ?12 :a @b $c :1 $d(x) $e")).toEqual(["param:?", "param:?12", "param::a", "param:@b", "param:$c", "param::1", "param:$d(x)", "param:$e"]);
  });

  it("unquotes names and keeps strings and blobs as written", () => {
    expect(kinds(`"a ""b""" [c d] \`e\` 'it''s' x'00' X'FF'`)).toEqual(['name:a "b"', "name:c d", "name:e", "string:'it''s'", "blob:x'00'", "blob:X'FF'"]);
  });

  it("joins operators of more than one character, longest first", () => {
    expect(kinds("a->>'$' || b -> c <= d <> e != f == g << 1 >> 2")).toEqual([
      "word:a", "op:->>", "string:'$'", "op:||", "word:b", "op:->", "word:c", "op:<=", "word:d", "op:<>", "word:e", "op:!=", "word:f", "op:==", "word:g", "op:<<", "number:1", "op:>>", "number:2",
    ]);
    expect(kinds("a < = b")).toEqual(["word:a", "op:<", "op:=", "word:b"]);
  });

  it("drops whitespace and comments and keeps offsets", () => {
    const tokens = sqlTokens("SELECT /* c */ a -- d\n\f FROM t");
    expect(tokens.map((t) => [t.upper || t.text, t.start, t.end])).toEqual([["SELECT", 0, 6], ["A", 15, 16], ["FROM", 24, 28], ["T", 29, 30]]);
  });
});

/**
 * Lexing of headers, comments and file bytes on hostile input: long whitespace runs and names
 * (read in linear time; the results are asserted, the time is measured elsewhere), and bytes
 * that are not UTF-8.
 */
import { describe, expect, it } from "vitest";
import { DiagnosticBag } from "../../diagnostics/diagnostic.js";
import { readAnnotation } from "../../parse/annotation.js";
import { splitStatements } from "../../parse/split-statements.js";
import { decodeUtf8 } from "../../source/decode-utf8.js";

const run = " ".repeat(10_000);
const longName = "Get" + "x".repeat(10_000);

function annotate(text: string) {
  const bag = new DiagnosticBag();
  const results = splitStatements(text, "q.sql", bag).map((chunk) => ({ chunk, annotation: readAnnotation(chunk.comments, text, "q.sql", bag) }));
  return { results, codes: bag.all.map((d) => d.code) };
}

describe("headers and comments with 10,000-character runs", () => {
  it("reads a block-comment header padded with whitespace", () => {
    const { results, codes } = annotate(`/* name: GetT${run}:one${run}*/\nSELECT 1;\n`);
    expect(codes).toEqual([]);
    expect(results[0].annotation).toMatchObject({ name: "GetT", command: "one" });
  });

  it("reads a 10,000-character name and a padded plan line", () => {
    const { results, codes } = annotate(`-- name: ${longName}${run}:many${run}\n-- plan:${run}no-sort${run}\nSELECT 1;\n`);
    expect(codes).toEqual([]);
    expect(results[0].annotation).toMatchObject({ name: longName, command: "many", plan: [{ text: "no-sort" }] });
  });

  it("reports a padded header with trailing words as malformed", () => {
    const { codes } = annotate(`/* name: GetT${run}:one${run}x${run}*/\nSELECT 1;\n`);
    expect(codes).toEqual(["SG202"]);
  });

  it("reports a missing colon after 10,000 spaces", () => {
    const { codes } = annotate(`--${run}name${run}GetT :one\nSELECT 1;\n`);
    expect(codes).toEqual(["SG202"]);
  });

  it("reads a doc comment of 10,000 stars", () => {
    const { results } = annotate(`/*${"*".repeat(10_000)} Reads. ${"*".repeat(10_000)}*/\n-- name: GetT :one\nSELECT 1;\n`);
    expect(results[0].annotation).toMatchObject({ name: "GetT", docs: ["Reads."] });
  });

  it("splits 10,000 statements", () => {
    const { results } = annotate("-- name: A :one\nSELECT 1;\n".repeat(10_000));
    expect(results.length).toBe(10_000);
  });
});

describe("control characters and unclosed text", () => {
  it("reports a NUL byte inside a comment and leaves the statement out", () => {
    const text = "-- name: D :execrows\nDELETE FROM t /* \0 */ WHERE id = 1;\n";
    const bag = new DiagnosticBag();
    expect(splitStatements(text, "q.sql", bag)).toEqual([]);
    expect(bag.all.map((d) => [d.code, d.span?.start])).toEqual([["SG004", text.indexOf("\0")]]);
  });

  it("reports where an unclosed comment opens and keeps the statement before it", () => {
    const text = "SELECT 1 /* open\n;SELECT 2;";
    const bag = new DiagnosticBag();
    expect(splitStatements(text, "q.sql", bag).map((c) => c.sql)).toEqual(["SELECT 1"]);
    expect(bag.all.map((d) => [d.code, d.span?.start])).toEqual([["SG005", 9]]);
  });
});

describe("decodeUtf8", () => {
  const bytes = (...b: number[]) => new Uint8Array(b);

  it("decodes UTF-8 and drops a byte-order mark", () => {
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("é€😀")]))).toEqual({ ok: true, text: "é€😀" });
  });

  it.each([
    ["a lone Latin-1 byte", bytes(0x61, 0xe9, 0x62), 1],
    ["an overlong encoding", bytes(0xc0, 0x80), 0],
    ["an encoded surrogate", bytes(0x61, 0xed, 0xa0, 0x80), 1],
    ["a sequence cut off at the end", bytes(0x61, 0x62, 0xe2, 0x82), 2],
    ["a bad byte after a 4-byte character (2 UTF-16 units)", bytes(0xf0, 0x9f, 0x98, 0x80, 0xff), 2],
  ])("finds %s", (_name, input, offset) => {
    const decoded = decodeUtf8(input);
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.offset).toBe(offset);
  });
});

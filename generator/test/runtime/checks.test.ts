/** checkParameters(): development-mode checks of parameter values, naming the query and parameter. */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadCase, type Module } from "./load-case.js";

let booleans: { query: Module; runtime: Module; open: () => import("better-sqlite3").Database };
let slices: { query: Module; runtime: Module; open: () => import("better-sqlite3").Database };
const ws = Uint8Array.of(1);

beforeAll(async () => {
  booleans = await loadCase("booleans");
  slices = await loadCase("slice-positions");
});

afterEach(() => {
  booleans.runtime.checkParameters(false);
  slices.runtime.checkParameters(false);
});

function filter(db: import("better-sqlite3").Database, overrides: Record<string, unknown>) {
  return slices.query.filterHttp(db, { methods: ["GET"], workspaceId: ws, excluded: [], name: "", limit: 10, ...overrides });
}

describe("checkParameters(true)", () => {
  it("rejects a string where a BOOLEAN goes, on writes and reads", () => {
    const db = booleans.open();
    booleans.runtime.checkParameters(true);
    expect(() => booleans.query.setDelta(db, { isDelta: "false", id: Uint8Array.of(10) })).toThrow(/^SetDelta: parameter isDelta must be a boolean; got "false"$/);
    expect(() => booleans.query.listDeltas(db, { isDelta: 0, workspaceId: ws })).toThrow(/ListDeltas: parameter isDelta must be a boolean; got 0/);
    expect(() => booleans.query.setDelta(db, { isDelta: true, id: "0a" })).toThrow(/SetDelta: parameter id must be a Uint8Array; got "0a"/);
    expect(booleans.query.listDeltas(db, { isDelta: true, workspaceId: ws })).toEqual([]);
  });

  it("rejects NaN, Infinity, undefined and strings where a number goes", () => {
    const db = slices.open();
    slices.runtime.checkParameters(true);
    expect(() => filter(db, { limit: NaN })).toThrow(/^FilterHttp: parameter limit must be a finite number; got NaN$/);
    expect(() => filter(db, { limit: Infinity })).toThrow(/parameter limit must be a finite number; got Infinity/);
    expect(() => filter(db, { limit: undefined })).toThrow(/parameter limit must be a finite number; got undefined/);
    expect(() => filter(db, { limit: "ten" })).toThrow(/parameter limit must be a finite number; got "ten"/);
  });

  it("rejects a string or an element of the wrong type where a list goes", () => {
    const db = slices.open();
    slices.runtime.checkParameters(true);
    expect(() => filter(db, { methods: "GET" })).toThrow(/^FilterHttp: parameter methods is a sqlc\.slice list and must be an array; got "GET"$/);
    expect(() => filter(db, { excluded: [ws, { id: 1 }] })).toThrow(/parameter excluded\[1\] must be a Uint8Array; got Object/);
    expect(() => slices.query.filterHttpIterate(db, { methods: [1], workspaceId: ws, excluded: [], name: "", limit: 1 })).toThrow(/parameter methods\[0\] must be a string; got 1/);
  });

  it("rejects a missing params object, and accepts correct values", () => {
    const db = slices.open();
    slices.runtime.checkParameters(true);
    expect(() => slices.query.filterHttp(db, undefined)).toThrow(/^FilterHttp: params must be an object with methods, workspaceId, excluded, name, limit; got undefined$/);
    expect(filter(db, {})).toEqual([]);
  });

  it("is off by default: nothing is checked", () => {
    const db = booleans.open();
    expect(() => booleans.query.setDelta(db, { isDelta: "false", id: Uint8Array.of(10) })).not.toThrow();
  });
});

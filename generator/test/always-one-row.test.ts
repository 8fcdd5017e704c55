/**
 * A `:one` typed as always returning a row (golden case always-one-row) returns it, and throws an
 * Error naming the query, rather than `undefined` typed as a row, when the driver returns none: here
 * a trigger's RAISE(IGNORE) drops the inserted row, which the analysis cannot see.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { expect, it } from "vitest";
import { runCase } from "./support/cases.js";
import { schemaText } from "./support/fill-database.js";

type Fn = (db: unknown, params?: unknown) => unknown;

it("returns the row it promises, and throws naming the query when there is none", async () => {
  const c = await runCase("always-one-row");
  expect(c.generate.code).toBe(0);
  const q = (await import(pathToFileURL(join(c.outDir, "query.ts")).href)) as Record<string, Fn>;
  const db = new Database(":memory:");
  db.exec(schemaText(c.dir));
  const id = Buffer.from([1]);
  expect(q.createWorkspace(db, { id, name: "a" })).toEqual({ id, name: "a" });
  expect(q.upsertWorkspace(db, { id, name: "b" })).toEqual({ id, name: "b" });
  expect(q.countHttp(db, { workspaceId: id })).toBe(0);
  expect(q.httpStats(db)).toEqual({ total: 0, latest: null });
  expect(q.createWorkspaceIfNew(db, { id, name: "c" })).toBeUndefined();

  db.exec("CREATE TRIGGER drop_all BEFORE INSERT ON workspaces BEGIN SELECT RAISE(IGNORE); END");
  expect(() => q.createWorkspace(db, { id: Buffer.from([2]), name: "d" })).toThrow(/^CreateWorkspace returned no row/);
  db.close();
});

/** Generates a golden case into a temp folder and imports its modules, for runtime tests. */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { runCase } from "../support/cases.js";
import { schemaText } from "../support/fill-database.js";

// Generated modules are plain functions; tests call them loosely typed.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Module = Record<string, any>;

export async function loadCase(name: string): Promise<{ query: Module; runtime: Module; open: () => Database.Database }> {
  const c = await runCase(name);
  if (c.generate.code !== 0) throw new Error(`case ${name} failed:\n${c.generate.stderr}`);
  const query = (await import(pathToFileURL(join(c.outDir, "query.ts")).href)) as Module;
  const runtime = (await import(pathToFileURL(join(c.outDir, "db.ts")).href)) as Module;
  return {
    query,
    runtime,
    open: () => {
      const db = new Database(":memory:");
      db.exec(schemaText(c.dir));
      return db;
    },
  };
}

/** Counts prepare() calls on a real database, to observe statement caching. */
export function countingPrepares(db: Database.Database): { db: Database.Database; count: () => number } {
  let n = 0;
  const prepare = db.prepare.bind(db);
  (db as unknown as { prepare: typeof prepare }).prepare = ((sql: string) => {
    n++;
    return prepare(sql);
  }) as typeof prepare;
  return { db, count: () => n };
}

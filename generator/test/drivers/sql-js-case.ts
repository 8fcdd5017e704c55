/**
 * The driver-sql-js golden case generated into a temp folder and imported, with real sql.js
 * databases holding its schema, for the sql.js runtime tests. `watched()` records every statement
 * the runtime prepares and frees, through sql.js's public API, to see that none leaks.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import initSqlJs, { type Database, type SqlJsStatic, type Statement } from "sql.js";
import type { Module } from "../runtime/load-case.js";
import { runCase } from "../support/cases.js";
import { schemaText } from "../support/fill-database.js";

export interface SqlJsCase {
  query: Module;
  runtime: Module;
  SQL: SqlJsStatic;
  outDir: string;
  open: () => Database;
}

export async function loadSqlJsCase(): Promise<SqlJsCase> {
  const c = await runCase("driver-sql-js");
  if (c.generate.code !== 0) throw new Error(`case driver-sql-js failed:\n${c.generate.stderr}`);
  const query = (await import(pathToFileURL(join(c.outDir, "query.ts")).href)) as Module;
  const runtime = (await import(pathToFileURL(join(c.outDir, "db.ts")).href)) as Module;
  const SQL = await initSqlJs();
  const schema = schemaText(c.dir);
  return {
    query,
    runtime,
    SQL,
    outDir: c.outDir,
    open: () => {
      const db = new SQL.Database();
      db.exec(schema);
      return db;
    },
  };
}

/** Statements prepared on `db` from now on: how many are still live (not freed), and in all. */
export function watched(db: Database): { live: () => number; prepared: () => number } {
  const live = new Set<Statement>();
  let prepared = 0;
  const prepare = db.prepare.bind(db);
  db.prepare = (sql, params) => {
    const stmt = prepare(sql, params);
    prepared++;
    live.add(stmt);
    const free = stmt.free.bind(stmt);
    stmt.free = () => {
      live.delete(stmt);
      return free();
    };
    return stmt;
  };
  return { live: () => live.size, prepared: () => prepared };
}

/** SQLite's own count of the bytes it has allocated (sql.js exports it on the module). */
export function memoryUsed(SQL: SqlJsStatic): number {
  return (SQL as unknown as { _sqlite3_memory_used(): number })._sqlite3_memory_used();
}

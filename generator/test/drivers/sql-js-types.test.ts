/**
 * The generated code type-checks, under the strictest settings, against sql.js's published types
 * (@types/sql.js): sql.js's Database is the generated `Database` without a cast, and a wrong
 * argument is still an error.
 */
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import { typecheck } from "../support/typecheck.js";
import { loadSqlJsCase } from "./sql-js-case.js";

let outDir: string;
const sqlJsTypes = createRequire(import.meta.url).resolve("@types/sql.js/index.d.ts");

beforeAll(async () => {
  ({ outDir } = await loadSqlJsCase());
});

function check(name: string, imports: string, body: string): string[] {
  const file = join(outDir, name);
  writeFileSync(file, `import initSqlJs from "sql.js";\n${imports}\n\n${body}\n`);
  return typecheck([file], { paths: { "sql.js": [sqlJsTypes] }, esModuleInterop: true });
}

it("accepts sql.js's Database where generated functions take a Database", () => {
  const body = `export async function use(): Promise<number> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  const same: Database = db;
  const id = immediate(db, () => addNote(db, { title: "t", body: null, pinned: false, attachment: new Uint8Array(1), score: null }));
  const title: string | undefined = getNote(same, { id })?.title;
  for (const row of listNotesIterate(db, { pinned: false })) if (row.pinned) break;
  closeDatabase(db);
  return title === undefined ? 0 : id;
}`;
  const imports = 'import { closeDatabase, immediate, type Database } from "./db.js";\nimport { addNote, getNote, listNotesIterate } from "./query.js";';
  expect(check("uses-sql-js.ts", imports, body)).toEqual([]);
});

it("still refuses what does not fit", () => {
  const body = `export async function use(): Promise<void> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  getNote(db, { id: "1" });
  closeDatabase({ prepare: () => 1 });
}`;
  const errors = check("misuses-sql-js.ts", 'import { closeDatabase } from "./db.js";\nimport { getNote } from "./query.js";', body);
  expect(errors).toHaveLength(2);
  expect(errors[0]).toMatch(/:8: Type 'string' is not assignable to type 'number'/);
  expect(errors[1]).toMatch(/:9: Type 'number' is not assignable to type 'Statement'/);
});

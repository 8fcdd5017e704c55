/**
 * generated/schema.ts: the schema files as ordered migrations and `migrate(db)`, which applies the
 * ones a database lacks (the runtime's `applyMigrations`, per driver). Printed as plain text.
 */
import type { MigrationIR } from "../ir/query-ir.js";
import type { DriverProfile } from "../targets/drivers.js";
import { sqlLiteral } from "./ts-text.js";

/** What schema.ts exports: query and model names must not take these (index.ts re-exports all). */
export const schemaModuleExports: readonly string[] = ["migrations", "migrate"];

export function emitSchemaModule(migrations: readonly MigrationIR[], driver: DriverProfile): string {
  const items = migrations.map((m, i) => {
    const statements = m.statements.map((s) => `      ${sqlLiteral(s)},`).join("\n");
    return `  {\n    version: ${i + 1},\n    name: ${JSON.stringify(m.file)},\n    statements: [${statements === "" ? "" : `\n${statements}\n    `}],\n  },`;
  });
  const recorded = driver.name === "d1"
    ? ["the last version recorded in its `_sqlgen_migrations` table (D1 refuses", "`PRAGMA user_version`), in one batch, and records theirs."]
    : ["its `PRAGMA user_version`, in one transaction, and sets it to", "the last one's version."];
  const result = driver.async ? "Promise<Migration[]>" : "Migration[]";
  return [
    'import { applyMigrations, type Database, type Migration } from "./db.js";',
    "",
    "/** The schema files in order, each one migration: its statements, goose/dbmate down sections left out. */",
    `export const migrations: readonly Migration[] = [${items.length === 0 ? "" : `\n${items.join("\n")}\n`}];`,
    "",
    "/**",
    ` * Brings \`db\` up to date: applies the migrations after ${recorded[0]}`,
    ` * ${recorded[1]} Returns the migrations applied (none when \`db\` is up to date).`,
    " * When one fails, none is applied and the error names it.",
    " */",
    `export function migrate(db: Database): ${result} {`,
    "  return applyMigrations(db, migrations);",
    "}",
  ].join("\n");
}


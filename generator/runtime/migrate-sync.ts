/**
 * `applyMigrations` for the synchronous drivers (better-sqlite3, node:sqlite, bun:sqlite, sql.js,
 * libsql): the database's version is `PRAGMA user_version`; the missing migrations and the new
 * version are written in one `immediate()` transaction, so a failing statement leaves the database
 * as it was. The imports below name better-sqlite3's runtime for type-checking this file alone; in
 * a generated db.ts, `PlainQuery`, `immediate` and `Database` are the driver's own.
 */
import { PlainQuery } from "./better-sqlite3.js";
import { immediate, type Database } from "./prepared.js";
import { migrationError, pendingMigrations, type Migration } from "./migrations.js";

const userVersion = new PlainQuery("PRAGMA user_version", "migrate", {}, true);

function versionOf(db: Database): number {
  const row = userVersion.statement(db).get() as unknown[];
  return Number(row[0]);
}

/**
 * Applies the migrations `db` lacks (those after its `PRAGMA user_version`) in one transaction and
 * sets `user_version` to the last one; returns them (none when `db` is up to date). The version
 * is read again inside the transaction, so two processes migrating at once apply each migration once.
 */
export function applyMigrations(db: Database, migrations: readonly Migration[]): Migration[] {
  if (pendingMigrations(migrations, versionOf(db)).length === 0) return [];
  return immediate(db, () => {
    const todo = pendingMigrations(migrations, versionOf(db));
    for (const m of todo) {
      m.statements.forEach((sql, i) => {
        try {
          new PlainQuery(sql, "migrate", {}, false).run(db, undefined);
        } catch (e) {
          throw migrationError(`migration ${m.version} (${m.name}), statement ${i + 1}`, e);
        }
      });
    }
    const last = todo[todo.length - 1];
    if (last !== undefined) new PlainQuery(`PRAGMA user_version = ${last.version}`, "migrate", {}, false).run(db, undefined);
    return todo;
  });
}

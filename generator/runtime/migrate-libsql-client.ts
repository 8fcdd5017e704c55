/**
 * `applyMigrations` for @libsql/client: the database's version is `PRAGMA user_version`; the missing
 * migrations and the new version are written in one interactive write transaction (`transaction()`),
 * so a failing statement leaves the database as it was, locally and on a server.
 */
import { PlainQuery, transaction, type Database } from "./libsql-client.js";
import { migrationError, pendingMigrations, type Migration } from "./migrations.js";

const userVersion = new PlainQuery("PRAGMA user_version", "migrate", {}, true);

async function versionOf(db: Database): Promise<number> {
  const row = await userVersion.get(db, undefined);
  return Number(row?.[0]);
}

/**
 * Applies the migrations `db` lacks (those after its `PRAGMA user_version`) in one transaction and
 * sets `user_version` to the last one; resolves with them (none when `db` is up to date). Given a
 * Client, it opens the transaction itself; given a transaction's `tx`, it runs inside that one.
 */
export async function applyMigrations(db: Database, migrations: readonly Migration[]): Promise<Migration[]> {
  if (pendingMigrations(migrations, await versionOf(db)).length === 0) return [];
  return transaction(db, async (tx) => {
    const todo = pendingMigrations(migrations, await versionOf(tx));
    for (const m of todo) {
      for (const [i, sql] of m.statements.entries()) {
        try {
          await new PlainQuery(sql, "migrate", {}, false).run(tx, undefined);
        } catch (e) {
          throw migrationError(`migration ${m.version} (${m.name}), statement ${i + 1}`, e);
        }
      }
    }
    const last = todo[todo.length - 1];
    if (last !== undefined) await new PlainQuery(`PRAGMA user_version = ${last.version}`, "migrate", {}, false).run(tx, undefined);
    return todo;
  });
}

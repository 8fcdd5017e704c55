/**
 * `applyMigrations` for Cloudflare D1, which refuses both `BEGIN` and `PRAGMA user_version`
 * (SQLITE_AUTH): the version is kept in a table, `_sqlgen_migrations` (one row per applied
 * migration), and the missing migrations go in one `db.batch()`, which D1 runs as one transaction:
 * if any statement fails, none takes effect. Their rows are inserted first in that batch, so when
 * two callers migrate at once, the second one's batch fails on the primary key and changes nothing.
 */
import type { Database } from "./d1.js";
import { migrationError, pendingMigrations, type Migration } from "./migrations.js";

const createTable = "CREATE TABLE IF NOT EXISTS _sqlgen_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT (datetime('now')))";
const currentVersion = "SELECT coalesce(max(version), 0) AS version FROM _sqlgen_migrations";
const record = "INSERT INTO _sqlgen_migrations (version, name) VALUES (?, ?)";

/**
 * Applies the migrations `db` lacks (those after the last version recorded in `_sqlgen_migrations`)
 * in one batch, and resolves with them (none when `db` is up to date). When the batch fails,
 * it rejects (D1's error is the cause) and nothing was applied.
 */
export async function applyMigrations(db: Database, migrations: readonly Migration[]): Promise<Migration[]> {
  const [, read] = await db.batch([db.prepare(createTable), db.prepare(currentVersion)]);
  const row = read?.results[0] as { version?: unknown } | undefined;
  const todo = pendingMigrations(migrations, Number(row?.version));
  if (todo.length === 0) return [];
  const recorded = todo.map((m) => db.prepare(record).bind(m.version, m.name));
  try {
    await db.batch([...recorded, ...todo.flatMap((m) => m.statements.map((sql) => db.prepare(sql)))]);
  } catch (e) {
    throw migrationError(`the batch of migrations ${todo.map((m) => `${m.version} (${m.name})`).join(", ")}`, e);
  }
  return todo;
}

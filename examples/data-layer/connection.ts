/**
 * Opens the application database with the spec's streaming settings (section 5.1), fixed:
 * foreign_keys is off by default in SQLite (the spec forgot it, so ON DELETE CASCADE never ran),
 * and without busy_timeout a second writer fails at once with SQLITE_BUSY instead of waiting.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

export interface StreamingDatabase {
  readonly db: Database.Database;
  /** Runs PRAGMA optimize (as SQLite recommends before closing a long-lived connection), then closes. */
  close(): void;
}

export interface OpenOptions {
  /** How long a writer waits for the write lock before SQLITE_BUSY, in ms. */
  readonly busyTimeoutMs?: number;
  /** Apply schema/*.sql when the database has no tables yet. */
  readonly migrate?: boolean;
}

/** The settings of every connection to a local database file, whatever the driver. */
export function streamingPragmas(options: OpenOptions): string[] {
  return [
    "journal_mode = WAL", // readers never block the writer, nor the writer readers
    "synchronous = NORMAL", // durable at checkpoints; safe from corruption in WAL mode
    "foreign_keys = ON",
    `busy_timeout = ${options.busyTimeoutMs ?? 5000}`,
    "cache_size = 10000", // pages, as the spec says (about 40 MB at 4 KiB pages)
    "temp_store = MEMORY",
    "mmap_size = 268435456", // 256 MiB
  ];
}

/** The repository's schema/ folder, found upwards from this file (run from source or from build/). */
function schemaDir(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, "schema", "001_workspaces.sql"))) return join(dir, "schema");
  }
  throw new Error("schema/ not found above " + fileURLToPath(import.meta.url));
}

export function openStreamingDatabase(path: string, options: OpenOptions = {}): StreamingDatabase {
  const db = new Database(path);
  for (const pragma of streamingPragmas(options)) db.pragma(pragma);
  if (options.migrate !== false && db.prepare("SELECT count(*) FROM sqlite_schema").pluck().get() === 0) applySchema(db);
  return {
    db,
    close: () => {
      db.pragma("optimize");
      db.close();
    },
  };
}

/** The text of schema/*.sql in order, as `npx gen` applies it when it analyses the queries. */
export function schemaScripts(): string[] {
  const dir = schemaDir();
  return readdirSync(dir).filter((f) => f.endsWith(".sql")).sort().map((f) => readFileSync(join(dir, f), "utf8"));
}

/** Applies schema/*.sql in one transaction. */
export function applySchema(db: Database.Database): void {
  db.transaction(() => {
    for (const script of schemaScripts()) db.exec(script);
  })();
}

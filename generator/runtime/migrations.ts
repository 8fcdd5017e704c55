/**
 * What every driver's `applyMigrations` shares: the shape of a migration (one per schema file, in
 * order, as generated in schema.ts) and which of them a database still lacks.
 */

/** One schema file's "up" part, split into statements; applying it sets the version to `version`. */
export interface Migration {
  /** 1 for the first schema file, 2 for the next…: the database's version once this is applied. */
  readonly version: number;
  /** The schema file it was generated from. */
  readonly name: string;
  readonly statements: readonly string[];
}

/**
 * The migrations after `current`, in order. A database at a version this schema does not have was
 * migrated by newer code (or by hand): that is an error, not something to apply over.
 */
export function pendingMigrations(migrations: readonly Migration[], current: number): Migration[] {
  const newest = migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
  if (!Number.isInteger(current) || current < 0 || current > newest) {
    throw new Error(`migrate(): the database is at version ${String(current)}, but this schema has ${migrations.length} migration(s) (versions 1 to ${newest}); was it migrated by newer code?`);
  }
  return migrations.filter((m) => m.version > current);
}

/** A failed migration's error, saying where it failed (`what`); the driver's error is its cause. */
export function migrationError(what: string, e: unknown): Error {
  const reason = e instanceof Error ? e.message : String(e);
  return new Error(`migrate(): ${what} failed: ${reason}`, { cause: e });
}

/**
 * The only module that talks to SQLite's WASM build. Everything above it sees plain data:
 * errors as {message, byteOffset}, prepared statements as column/parameter metadata.
 */
import sqlite3InitModule from "@sqlite.org/sqlite-wasm";

type Sqlite3 = Awaited<ReturnType<typeof sqlite3InitModule>>;
type OoDb = InstanceType<Sqlite3["oo1"]["DB"]>;

export interface SqliteError {
  readonly message: string;
  /** UTF-8 byte offset into the statement text, or -1 when SQLite does not know. */
  readonly byteOffset: number;
}

export interface ColumnMetadata {
  readonly name: string;
  readonly declType: string | null;
  readonly table: string | null;
  readonly origin: string | null;
}

export interface PreparedMetadata {
  readonly columns: readonly ColumnMetadata[];
  readonly parameterCount: number;
  readonly readonly: boolean;
}

export type Row = Record<string, unknown>;

let modulePromise: Promise<Sqlite3> | undefined;

function loadModule(): Promise<Sqlite3> {
  modulePromise ??= sqlite3InitModule();
  return modulePromise;
}

export class AnalysisDb {
  private constructor(
    private readonly sqlite3: Sqlite3,
    private readonly db: OoDb,
  ) {}

  static async open(): Promise<AnalysisDb> {
    const sqlite3 = await loadModule();
    return new AnalysisDb(sqlite3, new sqlite3.oo1.DB(":memory:", "c"));
  }

  /** Runs one statement (schema DDL). Returns SQLite's error, or null on success. */
  execute(sql: string): SqliteError | null {
    try {
      this.db.exec(sql);
      return null;
    } catch (e) {
      return this.errorFrom(e);
    }
  }

  /** Prepares without running: SQLite resolves every name and reports what the statement returns. */
  prepare(sql: string): PreparedMetadata | SqliteError {
    let stmt;
    try {
      stmt = this.db.prepare(sql);
    } catch (e) {
      return this.errorFrom(e);
    }
    try {
      const capi = this.sqlite3.capi;
      const p = stmt.pointer!;
      const columns: ColumnMetadata[] = [];
      for (let i = 0; i < stmt.columnCount; i++) {
        columns.push({
          name: capi.sqlite3_column_name(p, i) ?? `column_${i + 1}`,
          declType: capi.sqlite3_column_decltype(p, i),
          table: capi.sqlite3_column_table_name(p, i),
          origin: capi.sqlite3_column_origin_name(p, i),
        });
      }
      return {
        columns,
        parameterCount: capi.sqlite3_bind_parameter_count(p),
        readonly: capi.sqlite3_stmt_readonly(p) !== 0,
      };
    } finally {
      stmt.finalize();
    }
  }

  /**
   * SQLite's query plan for a statement: the `detail` of each EXPLAIN QUERY PLAN row, in order;
   * null when SQLite cannot plan it (an error reported elsewhere, such as a misplaced slice).
   */
  explain(sql: string, parameterCount: number): string[] | null {
    try {
      return this.query(`EXPLAIN QUERY PLAN ${sql}`, new Array(parameterCount).fill(null)).map((r) => String(r.detail));
    } catch {
      return null;
    }
  }

  query(sql: string, bind: readonly unknown[] = []): Row[] {
    return this.db.selectObjects(sql, bind as never) as Row[];
  }

  close(): void {
    this.db.close();
  }

  private errorFrom(e: unknown): SqliteError {
    const offset = this.sqlite3.capi.sqlite3_error_offset(this.db.pointer!);
    const raw = e instanceof Error ? e.message : String(e);
    // oo1 prefixes messages with "SQLITE_ERROR: sqlite3 result code 1: "; the rest is SQLite's own text.
    const message = raw.replace(/^SQLITE_[A-Z_]+: sqlite3 result code \d+: /, "");
    return { message, byteOffset: offset };
  }
}

export function isSqliteError(value: PreparedMetadata | SqliteError): value is SqliteError {
  return "message" in value;
}

/**
 * The only module that talks to SQLite's WASM build. Everything above it sees plain data:
 * errors as {message, byteOffset}, prepared statements as column/parameter metadata.
 */
import sqlite3InitModule from "@sqlite.org/sqlite-wasm";
import type { TargetCapabilities } from "../targets/capabilities.js";
import { defaultDriver, drivers } from "../targets/drivers.js";
import { rewriteUpdateDeleteLimit } from "../parse/limit-rewrite.js";
import { quoteName } from "./quote-name.js";
import { setUpTarget, type UsageLog } from "./target-setup.js";
import { unsupportedOnTarget } from "./target-check.js";

import { utf8ByteToUtf16Offset } from "../source/source-file.js";

type Sqlite3 = Awaited<ReturnType<typeof sqlite3InitModule>>;
type OoDb = InstanceType<Sqlite3["oo1"]["DB"]>;
type OoStmt = ReturnType<OoDb["prepare"]>;

/** How many prepared statements `query` keeps for reuse. */
const keptStatements = 32;

export interface SqliteError {
  readonly message: string;
  /** UTF-8 byte offset into the statement text, or -1 when SQLite does not know. */
  readonly byteOffset: number;
  /** Set when the analysis build accepts the statement but the target driver's SQLite does not. */
  readonly missingOn?: string;
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

/** Starts loading SQLite's WASM build, so that it compiles while the caller reads its input. */
export function preloadSqlite(): void {
  loadModule().catch(() => undefined);
}

export class AnalysisDb {
  private readonly statements = new Map<string, OoStmt>();

  private constructor(
    private readonly sqlite3: Sqlite3,
    private readonly db: OoDb,
    readonly target: TargetCapabilities,
    private readonly usage: UsageLog,
  ) {}

  /** An empty database that checks statements with `target`'s rules (see targets/capabilities.ts). */
  static async open(target: TargetCapabilities = drivers[defaultDriver].capabilities): Promise<AnalysisDb> {
    const sqlite3 = await loadModule();
    const db = new sqlite3.oo1.DB(":memory:", "c");
    // Every runtime sqlgen targets enforces foreign keys; so does the analysis.
    db.exec("PRAGMA foreign_keys = ON");
    return new AnalysisDb(sqlite3, db, target, setUpTarget(sqlite3, db, target));
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

  /**
   * Prepares without running: SQLite resolves every name and reports what the statement returns.
   * What the target's SQLite would refuse is refused here too.
   */
  prepare(sql: string): PreparedMetadata | SqliteError {
    const first = this.prepareAsGiven(sql);
    const rewritten = isSqliteError(first) && this.target.updateDeleteLimit ? rewriteUpdateDeleteLimit(sql, (t) => this.rowKey(t)) : null;
    if (rewritten === null) return first;
    const second = this.prepareAsGiven(rewritten.sql);
    if (!isSqliteError(second) || second.byteOffset < 0) return second;
    const at = rewritten.toOriginal(utf8ByteToUtf16Offset(rewritten.sql, second.byteOffset));
    return { ...second, byteOffset: utf8Length(sql.slice(0, at)) };
  }

  private prepareAsGiven(sql: string): PreparedMetadata | SqliteError {
    this.usage.clear();
    let stmt;
    try {
      stmt = this.db.prepare(sql);
    } catch (e) {
      return this.errorFrom(e);
    }
    try {
      const capi = this.sqlite3.capi;
      const p = stmt.pointer!;
      const parameterNames = Array.from({ length: capi.sqlite3_bind_parameter_count(p) }, (_, i) => capi.sqlite3_bind_parameter_name(p, i + 1));
      const unsupported = unsupportedOnTarget(this.target, sql, this.usage, parameterNames, (name) => this.isUserObject(name));
      if (unsupported !== null) return unsupported;
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

  /** How SQLite identifies a row of `table`: its rowid, or for a WITHOUT ROWID table its primary key. */
  private rowKey(table: string): string[] {
    const key = this.db.selectValues("SELECT name FROM pragma_table_info(?) WHERE pk > 0 AND (SELECT wr FROM pragma_table_list(?)) = 1 ORDER BY pk", [table, table]) as string[];
    return key.length === 0 ? ["rowid"] : key.map(quoteName);
  }

  private isUserObject(name: string): boolean {
    return this.db.selectValue("SELECT count(*) FROM sqlite_schema WHERE lower(name) = lower(?)", [name]) !== 0;
  }

  /**
   * SQLite's query plan for a statement: the `detail` of each EXPLAIN QUERY PLAN row, in order;
   * null when SQLite cannot plan it (an error reported elsewhere, such as a misplaced slice).
   */
  explain(sql: string, parameterCount: number): string[] | null {
    const plan = (text: string) => this.query(`EXPLAIN QUERY PLAN ${text}`, new Array(parameterCount).fill(null)).map((r) => String(r.detail));
    try {
      return plan(sql);
    } catch {
      const rewritten = this.target.updateDeleteLimit ? rewriteUpdateDeleteLimit(sql, (t) => this.rowKey(t)) : null;
      try {
        return rewritten === null ? null : plan(rewritten.sql);
      } catch {
        return null;
      }
    }
  }

  /**
   * Runs a query and returns its rows. The catalog is read with the same few queries once per
   * table and schema statement, so the last prepared statements are kept (SQLite prepares them
   * again itself if the schema changed in between).
   */
  query(sql: string, bind: readonly unknown[] = []): Row[] {
    let stmt = this.statements.get(sql);
    if (stmt === undefined) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
      if (this.statements.size > keptStatements) {
        const [oldest, first] = this.statements.entries().next().value!;
        first.finalize();
        this.statements.delete(oldest);
      }
    }
    try {
      if (bind.length > 0) stmt.bind(bind as never);
      const rows: Row[] = [];
      while (stmt.step()) rows.push(stmt.get({}) as Row);
      return rows;
    } finally {
      stmt.reset(true);
    }
  }

  close(): void {
    for (const stmt of this.statements.values()) stmt.finalize();
    this.statements.clear();
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

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

export function isSqliteError(value: PreparedMetadata | SqliteError): value is SqliteError {
  return "message" in value;
}

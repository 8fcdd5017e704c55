/**
 * The libsql runtime (the synchronous, better-sqlite3-compatible `libsql` package): prepared.ts,
 * with two of libsql 0.5's ways worked around:
 * - a lone object argument is read as named parameters, so a single NULL or Uint8Array spread as
 *   better-sqlite3 takes it throws, or aborts the process: arguments go as one array, always
 *   positional (which also spares libsql its `flat()`);
 * - `get()` does not reset its statement first: after a throw (a constraint failing) every later
 *   `get()` on it throws the same, so a statement that threw from `get()` is prepared anew.
 * - `run()` gives `lastInsertRowid` as a number even in safe-integer mode: an id beyond 2^53 is
 *   read again, exactly.
 * libsql does not lock a statement while iterating; iterators still keep statements of their own
 * (iterators.ts), since `get()` on a statement an iterator stepped returns a stale row.
 */
import { PreparedQuery, PreparedSliceQuery, type Database, type NativeStatement, type Statement } from "./prepared.js";
import type { RunResult } from "./core.js";

/** A native statement called with its arguments as one array, and renewed when `get()` throws. */
class PositionalStatement implements Statement {
  private native: NativeStatement;
  private readonly prepare: () => NativeStatement;
  private readonly db: Database;

  constructor(prepare: () => NativeStatement, db: Database) {
    this.prepare = prepare;
    this.native = prepare();
    this.db = db;
  }

  get(...params: unknown[]): unknown {
    try {
      return this.native.get(params);
    } catch (e) {
      this.native = this.prepare();
      throw e;
    }
  }

  all(...params: unknown[]): unknown[] {
    return this.native.all(params);
  }

  iterate(...params: unknown[]): IterableIterator<unknown> {
    return this.native.iterate(params);
  }

  run(...params: unknown[]): RunResult {
    const r = this.native.run(params);
    if (typeof r.lastInsertRowid !== "number" || Number.isSafeInteger(r.lastInsertRowid)) return r;
    return { changes: r.changes, lastInsertRowid: (this.db.prepare("SELECT last_insert_rowid()").raw(true).safeIntegers(true).get([]) as bigint[])[0]! };
  }
}

export class PlainQuery extends PreparedQuery {
  protected statementOf(prepare: () => NativeStatement, db: Database): Statement {
    return new PositionalStatement(prepare, db);
  }
}

export class SliceQuery extends PreparedSliceQuery {
  protected statementOf(prepare: () => NativeStatement, db: Database): Statement {
    return new PositionalStatement(prepare, db);
  }
}

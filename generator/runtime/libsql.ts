/**
 * The libsql runtime (the synchronous, better-sqlite3-compatible `libsql` package): prepared.ts,
 * with two of libsql 0.5's ways worked around:
 * - a lone object argument is read as named parameters, so a single NULL or Uint8Array spread as
 *   better-sqlite3 takes it throws, or aborts the process: arguments go as one array, always
 *   positional (which also spares libsql its `flat()`);
 * - `get()` does not reset its statement first: after a throw (a constraint failing) every later
 *   `get()` on it throws the same, so a statement that threw from `get()` is prepared anew.
 * libsql does not lock a statement while iterating; iterators still keep statements of their own
 * (iterators.ts), since `get()` on a statement an iterator stepped returns a stale row.
 */
import { PreparedQuery, PreparedSliceQuery, type NativeStatement, type Statement } from "./prepared.js";
import type { RunResult } from "./core.js";

/** A native statement called with its arguments as one array, and renewed when `get()` throws. */
class PositionalStatement implements Statement {
  private native: NativeStatement;
  private readonly prepare: () => NativeStatement;

  constructor(prepare: () => NativeStatement) {
    this.prepare = prepare;
    this.native = prepare();
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
    return this.native.run(params);
  }
}

export class PlainQuery extends PreparedQuery {
  protected statementOf(prepare: () => NativeStatement): Statement {
    return new PositionalStatement(prepare);
  }
}

export class SliceQuery extends PreparedSliceQuery {
  protected statementOf(prepare: () => NativeStatement): Statement {
    return new PositionalStatement(prepare);
  }
}

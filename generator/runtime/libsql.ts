/**
 * The libsql runtime (the synchronous, better-sqlite3-compatible `libsql` package): prepared.ts,
 * with each statement's arguments passed as one array. libsql reads a lone object argument as
 * named parameters, so a single NULL or Uint8Array spread as better-sqlite3 takes it would throw
 * or abort the process; an array is always positional (and spares libsql its `flat()`).
 * libsql does not lock a statement while iterating, but a statement stepped by an iterator
 * answers its next `get()` wrongly, so `…Iterate()` keeps statements of its own (iterators.ts).
 */
import { PreparedQuery, PreparedSliceQuery, type NativeStatement, type Statement } from "./prepared.js";
import type { RunResult } from "./core.js";

/** A native statement called with its arguments as one array. */
class PositionalStatement implements Statement {
  private readonly native: NativeStatement;

  constructor(native: NativeStatement) {
    this.native = native;
  }

  get(...params: unknown[]): unknown {
    return this.native.get(params);
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
  protected statementOf(native: NativeStatement): Statement {
    return new PositionalStatement(native);
  }
}

export class SliceQuery extends PreparedSliceQuery {
  protected statementOf(native: NativeStatement): Statement {
    return new PositionalStatement(native);
  }
}

/**
 * Iterators for drivers that lock a statement while an iterator on it is open and refuse writes on
 * the connection until it ends (better-sqlite3 and its kin), or some of them (bun:sqlite: DROP
 * TABLE and VACUUM while a statement is active).
 *
 * Guarantee:
 * - each `…Iterate()` runs on a statement of its own, so calling any query function, or another
 *   `…Iterate()`, inside the loop works;
 * - an iterator ends when it is exhausted, on `break`/`throw` out of a for-of (`return()`), when it
 *   is garbage-collected unfinished, and when a generated write or `immediate()` is refused by the
 *   driver because of it (then the write is retried once; in unsafe mode, where the driver allows
 *   it, nothing is ended); an iterator ended that way throws if it is resumed, never stopping
 *   silently early. Writes of your own (`db.prepare(…).run()`, `db.close()`) are not seen: call
 *   `endIterators(db)` first when an iterator may have been dropped unfinished. Iterators are
 *   tracked per copy of this file: give one connection one generated output.
 */
import type { RunResult } from "./core.js";

/** The statement methods iteration needs. */
export interface IteratingStatement {
  iterate(...params: unknown[]): IterableIterator<unknown>;
  run(...params: unknown[]): RunResult;
}

/** A statement lent to one iterator, and how to give it back. */
interface Lent {
  readonly stmt: IteratingStatement;
  readonly giveBack: () => void;
}

/** An open `…Iterate()`: its statement, lent from a pool, until it ends. */
class Cursor {
  private native: Iterator<unknown> | undefined;
  private giveBack: (() => void) | undefined;
  private endedBy: string | undefined;
  private readonly query: string;
  private readonly db: object;
  private readonly lend: () => Lent;
  private readonly args: readonly unknown[];

  constructor(query: string, db: object, lend: () => Lent, args: readonly unknown[]) {
    this.query = query;
    this.db = db;
    this.lend = lend;
    this.args = args;
  }

  open(): Iterator<unknown> {
    const { stmt, giveBack } = this.lend();
    this.native = stmt.iterate(...this.args);
    this.giveBack = giveBack;
    let set = cursors.get(this.db);
    if (set === undefined) cursors.set(this.db, (set = new Set()));
    set.add(this);
    return this.native;
  }

  /** Idempotent. `by` says why, when the iterator did not end on its own. */
  end(by?: string): void {
    if (this.native === undefined || this.giveBack === undefined) return;
    this.endedBy = by;
    this.native.return?.();
    cursors.get(this.db)?.delete(this);
    unreachable.unregister(this);
    this.giveBack();
    this.giveBack = undefined;
  }

  checkResumable(): void {
    if (this.endedBy !== undefined) {
      throw new Error(`${this.query}: this iterator was ended by ${this.endedBy}, which the driver refuses while an iterator is open on the connection; finish or break the loop before writing, or read the rows with the non-iterating function first`);
    }
  }
}

const cursors = new WeakMap<object, Set<Cursor>>();
const unreachable = new FinalizationRegistry<Cursor>((c) => c.end("garbage collection"));

function* cursorRows<R>(c: Cursor, map: (r: unknown[]) => R): Generator<R, void, undefined> {
  const native = c.open();
  try {
    for (;;) {
      const step = native.next();
      if (step.done) return;
      yield map(step.value as unknown[]);
      c.checkResumable();
    }
  } finally {
    c.end();
  }
}

/** Ends every iterator still open on `db` (each throws if resumed); returns how many there were. */
export function endIterators(db: object, by = "endIterators()"): number {
  const open = cursors.get(db);
  if (open === undefined || open.size === 0) return 0;
  const n = open.size;
  for (const c of [...open]) c.end(by);
  return n;
}

/** better-sqlite3's refusals are TypeErrors (by name: they may come from another realm). */
function refusedAsTypeError(e: unknown): boolean {
  return (e as { name?: unknown } | null)?.name === "TypeError";
}

/**
 * `stmt.run()`, ending open iterators and retrying once if the driver refused because of them;
 * `refused` tells such an error by the driver's own signs.
 */
export function runEndingIterators(db: object, stmt: IteratingStatement, by: string, args: readonly unknown[], refused: (e: unknown) => boolean = refusedAsTypeError): RunResult {
  try {
    return stmt.run(...args);
  } catch (e) {
    if (!refused(e) || endIterators(db, by) === 0) throw e;
    return stmt.run(...args);
  }
}

/** Idle statements of one query per database, lent to iterators: one per open iterator. */
export class StatementPool<S extends IteratingStatement> {
  private readonly idle = new WeakMap<object, Map<string, S[]>>();

  /** Rows of a statement lent under `key` (prepared on first need), mapped one at a time. */
  iterate<R>(query: string, db: object, key: string, prepare: () => S, args: readonly unknown[], map: (r: unknown[]) => R): Generator<R, void, undefined> {
    const cursor = new Cursor(query, db, () => this.lend(db, key, prepare), args);
    const rows = cursorRows(cursor, map);
    unreachable.register(rows, cursor, cursor);
    return rows;
  }

  private lend(db: object, key: string, prepare: () => S): Lent {
    let byKey = this.idle.get(db);
    if (byKey === undefined) this.idle.set(db, (byKey = new Map()));
    let free = byKey.get(key);
    if (free === undefined) byKey.set(key, (free = []));
    const stmt = free.pop() ?? prepare();
    const list = free;
    return { stmt, giveBack: () => list.push(stmt) };
  }
}

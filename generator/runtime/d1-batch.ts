/**
 * Atomic groups on D1, which has no interactive transactions (it refuses BEGIN and SAVEPOINT):
 * `batch(db, (b) => …)` hands the callback a recorder that stands for the database. Generated
 * functions called on it record their bound statements instead of running them; when the callback
 * returns, one `db.batch([...])` runs them all in a single transaction, and each recorded call's
 * Promise settles with its own statement's result. If any statement fails, none takes effect.
 *
 *     const [id] = await batch(env.DB, (b) => [createAuthor(b, { name }), addBook(b, { title })]);
 *
 * Statements run in the order they were recorded, so a later one cannot depend on an earlier one's
 * result in JavaScript (only in SQL, e.g. `last_insert_rowid()` or a subquery). Inside a batch D1
 * returns rows as objects keyed by column name: give returned columns distinct, non-numeric names.
 */
import type { Database, Statement } from "./d1.js";

type Meta = { changes: number; last_row_id: number };
type BatchResult = { results: unknown[]; meta: Meta };

interface Recorded {
  readonly stmt: Statement;
  readonly settle: (r: BatchResult) => void;
}

/** What `batch()` resolves to: the callback's value, with its Promises (or array of Promises) settled. */
export type Settled<T> = T extends readonly unknown[] ? { -readonly [K in keyof T]: Awaited<T[K]> } : Awaited<T>;

class Recorder implements Database {
  readonly db: Database;
  readonly recorded: Recorded[] = [];
  open = true;

  constructor(db: Database) {
    this.db = db;
  }

  prepare(sql: string): Statement {
    return new RecordedStatement(this, this.db.prepare(sql));
  }

  batch(statements: Statement[]): Promise<BatchResult[]> {
    return Promise.all(statements.map((s) => this.add(s as RecordedStatement, (r) => r)));
  }

  /** Records `s` to run in the batch; the Promise settles with `read` of its result. */
  add<R>(s: RecordedStatement, read: (r: BatchResult) => R): Promise<R> {
    if (!this.open) throw new Error("batch(): a statement was recorded after the callback returned (do not await inside the callback)");
    if (s.recorder !== this) throw new Error("batch(): a statement of another database or batch was recorded");
    return new Promise((resolve, reject) => {
      this.recorded.push({ stmt: s.stmt, settle: (r) => {
        try {
          resolve(read(r));
        } catch (e) {
          reject(e);
        }
      } });
    });
  }
}

class RecordedStatement implements Statement {
  readonly recorder: Recorder;
  readonly stmt: Statement;

  constructor(recorder: Recorder, stmt: Statement) {
    this.recorder = recorder;
    this.stmt = stmt;
  }

  bind(...values: unknown[]): Statement {
    return new RecordedStatement(this.recorder, this.stmt.bind(...values));
  }

  raw(): Promise<unknown[][]> {
    // Rows come back as objects in a batch; their values in column order.
    return this.recorder.add(this, (r) => r.results.map((row) => Object.values(row as Record<string, unknown>)));
  }

  run(): Promise<{ meta: Meta }> {
    return this.recorder.add(this, (r) => r);
  }
}

/**
 * Runs the statements that `fn` records on its recorder `b` atomically, in one `db.batch()`, and
 * resolves with what `fn` returned (an array of Promises resolves to their values). Nested calls
 * join the outer batch. An empty batch sends nothing. When the batch fails, `batch()` rejects
 * with D1's error and the recorded calls' Promises never settle.
 */
export async function batch<const T>(db: Database, fn: (b: Database) => T): Promise<Settled<T>> {
  if (db instanceof Recorder) return settled(fn(db));
  const recorder = new Recorder(db);
  let out: T;
  try {
    out = fn(recorder);
  } finally {
    recorder.open = false;
  }
  const recorded = recorder.recorded;
  if (recorded.length > 0) {
    const results = await db.batch(recorded.map((r) => r.stmt));
    for (let i = 0; i < recorded.length; i++) recorded[i]!.settle(results[i]!);
  }
  return settled(out);
}

function settled<T>(out: T): Promise<Settled<T>> {
  return (Array.isArray(out) ? Promise.all(out) : Promise.resolve(out)) as Promise<Settled<T>>;
}

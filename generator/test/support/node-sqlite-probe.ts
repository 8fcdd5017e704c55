/**
 * Asks the real node:sqlite, inside Node 22 or 24, how it fares with statements: run as
 * `node probe.js '<request JSON>'` (see ProbeRequest), it prints a ProbeAnswer. Compiled and
 * spawned by the tests, since the Node running vitest may lack node:sqlite.
 */
import { DatabaseSync } from "node:sqlite";

export interface ProbeRequest {
  /** Run first, as one script. */
  readonly setup: string;
  /** Prepared only: "ok" or the driver's message for each. */
  readonly prepare: readonly string[];
  /** Run: their rows, as arrays. */
  readonly query: readonly string[];
}

export interface ProbeAnswer {
  readonly prepared: string[];
  readonly rows: unknown[][][];
}

function says(db: DatabaseSync, sql: string): string {
  try {
    db.prepare(sql);
    return "ok";
  } catch (e) {
    return (e as Error).message;
  }
}

function rows(db: DatabaseSync, sql: string): unknown[][] {
  const stmt = db.prepare(sql);
  stmt.setReturnArrays(true);
  return stmt.all() as unknown as unknown[][];
}

const request = JSON.parse(process.argv[2]!) as ProbeRequest;
const db = new DatabaseSync(":memory:");
db.exec(request.setup);
const answer: ProbeAnswer = { prepared: request.prepare.map((s) => says(db, s)), rows: request.query.map((s) => rows(db, s)) };
process.stdout.write(JSON.stringify(answer));

/**
 * The operations a concurrency or load-test worker draws from, on its own connection and its own
 * workspace, with what it must remember: its stream cursors and every write SQLite acknowledged.
 */
import type Database from "better-sqlite3";
import { afterWorkload, startCursor, type Cursor } from "./after.js";
import { CHILDREN_PER_KIND, prng, type Layout } from "./seed.js";

export const opNames = ["snapshot page", "incremental poll", "change feed", "delta resolution", "update", "create", "create delta", "delete"] as const;
export type OpName = (typeof opNames)[number];
export type Mix = Partial<Record<OpName, number>>;

/** Writes SQLite acknowledged (hex ids), checked against the database after the load test. */
export interface Acks {
  /** Base requests created, each with 4 × CHILDREN_PER_KIND children. */
  created: string[];
  createdDeltas: string[];
  deleted: string[];
  /** Acknowledged updates per request. */
  updates: Record<string, number>;
}

/** What an operation did, when it did not simply succeed: lost an optimistic-lock race, or had nothing to do. */
export type Outcome = void | "conflict" | "skipped";

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

/** Ids of rows a worker creates: tag 16, the worker's index, a counter (disjoint from seed.ts's). */
function workerId(worker: number, n: number): Buffer {
  const b = Buffer.alloc(16);
  b[0] = 16;
  b.writeUInt16BE(worker, 1);
  b.writeUInt32BE(n, 12);
  return b;
}

export function workerOps(db: Database.Database, data: Layout, worker: number, lastSecond: number): { ops: Record<OpName, () => Outcome>; acks: Acks; workspace: number } {
  const app = afterWorkload(db);
  const w = worker % data.workspaceIds.length;
  const ws = data.workspaceIds[w];
  const rand = prng(1000 + worker);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const acks: Acks = { created: [], createdDeltas: [], deleted: [], updates: {} };
  const own: Buffer[] = []; // bases this worker created and has not deleted: the only rows it deletes
  let counter = 0;
  let snapshot: Cursor = startCursor;
  // A client that has seen everything up to ten minutes before the seeded data's end.
  let poll: Cursor = { ...startCursor, afterUpdatedAt: lastSecond - 600 };
  let seq = app.latestSeq(ws);
  const ops: Record<OpName, () => Outcome> = {
    "snapshot page": () => void (snapshot = app.snapshotPage(ws, snapshot, 100).next),
    "incremental poll": () => void (poll = app.poll(ws, poll, 100).next),
    "change feed": () => void (seq = app.changes(ws, seq, 100).lastSeq),
    "delta resolution": () => void app.resolve(pick(data.parents[w]), Math.floor(Date.now() / 1000)),
    update: () => {
      const id = pick(data.bases[w]);
      const outcome = app.update(ws, id, `renamed by ${worker}`);
      if (outcome !== "updated") return "conflict";
      acks.updates[hex(id)] = (acks.updates[hex(id)] ?? 0) + 1;
    },
    create: () => {
      const id = workerId(worker, counter++);
      const first = counter;
      counter += 4 * CHILDREN_PER_KIND;
      app.createWithChildren(ws, id, (n) => workerId(worker, first + n), CHILDREN_PER_KIND);
      acks.created.push(hex(id));
      own.push(id);
    },
    "create delta": () => {
      const id = workerId(worker, counter++);
      if (!app.createDelta(ws, id, pick(data.parents[w]))) throw new Error("a seeded base request is missing");
      acks.createdDeltas.push(hex(id));
    },
    delete: () => {
      const id = own.pop();
      if (id === undefined) return "skipped"; // nothing of its own to delete yet
      if (app.cascadeDelete(id, ws) !== 1) throw new Error("a request this worker created is missing");
      acks.deleted.push(hex(id));
    },
  };
  return { ops, acks, workspace: w };
}

/** Draws operations in the proportions of `mix`. */
export function drawer(mix: Mix, seed: number): () => OpName {
  const entries = opNames.filter((n) => (mix[n] ?? 0) > 0).map((n) => [n, mix[n]!] as const);
  const total = entries.reduce((a, [, p]) => a + p, 0);
  const rand = prng(seed);
  return () => {
    let r = rand() * total;
    for (const [name, p] of entries) if ((r -= p) < 0) return name;
    return entries[entries.length - 1][0];
  };
}

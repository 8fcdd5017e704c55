/**
 * `…Iterate()` on real better-sqlite3, which locks a statement while an iterator on it is open and
 * refuses every write, exec and close on the connection: an iterator never poisons the connection.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { countingPrepares, loadCase, type Module } from "./load-case.js";

let q: Module;
let runtime: Module;
let open: () => import("better-sqlite3").Database;
const ws = { workspaceId: Uint8Array.of(1) };
const names = (rows: Iterable<{ name: string }>) => [...rows].map((r) => r.name);

beforeAll(async () => {
  ({ query: q, runtime, open } = await loadCase("many-and-iterate"));
});

function seeded() {
  const db = open();
  db.prepare("INSERT INTO workspaces (id, name) VALUES (x'01', 'w')").run();
  for (const n of ["a", "b", "c"]) db.prepare("INSERT INTO http (id, workspace_id, name) VALUES (?, x'01', ?)").run(Buffer.from(n), n);
  return db;
}

/** Takes one row and drops the iterator without finishing it. */
function abandon(db: import("better-sqlite3").Database): void {
  expect(q.listHttpByWorkspaceIterate(db, ws).next().value.name).toBe("a");
}

describe("an abandoned iterator", () => {
  it("leaves the same query and generated writes working, then db.close()", () => {
    const db = seeded();
    abandon(db);
    expect(names(q.listHttpByWorkspace(db, ws))).toEqual(["a", "b", "c"]);
    expect(names(q.listHttpByWorkspaceIterate(db, ws))).toEqual(["a", "b", "c"]);
    expect(q.renameWorkspace(db, { name: "z", id: Uint8Array.of(1) })).toBe(1);
    db.prepare("INSERT INTO workspaces (id, name) VALUES (x'02', 'v')").run();
    expect(() => db.close()).not.toThrow();
  });

  it("leaves immediate() working", () => {
    const db = seeded();
    abandon(db);
    runtime.immediate(db, () => q.renameWorkspace(db, { name: "z", id: Uint8Array.of(1) }));
    expect(db.prepare("SELECT name FROM workspaces").pluck().get()).toBe("z");
    expect(db.inTransaction).toBe(false);
  });

  it("is ended by endIterators(db), after which db.close() works", () => {
    const db = seeded();
    abandon(db);
    expect(() => db.close()).toThrow(/busy/); // better-sqlite3 itself: the iterator still holds it
    expect(runtime.endIterators(db)).toBe(1);
    expect(() => db.close()).not.toThrow();
  });

  it("is ended once garbage-collected", async () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const db = seeded();
    abandon(db);
    expect(hasOpenIterator(db)).toBe(true);
    for (let i = 0; i < 20 && hasOpenIterator(db); i++) {
      gc();
      await new Promise((resolve) => setImmediate(resolve)); // finalizers run in a later task
    }
    expect(hasOpenIterator(db)).toBe(false);
    expect(() => db.close()).not.toThrow();
  });
});

/** Whether better-sqlite3 would refuse a write (without ending anything). */
function hasOpenIterator(db: import("better-sqlite3").Database): boolean {
  try {
    db.exec("SAVEPOINT probe; RELEASE probe");
    return false;
  } catch {
    return true;
  }
}

describe("an iterator in use", () => {
  it("allows the same query, and the same iteration, inside its loop", () => {
    const db = seeded();
    const seen: string[] = [];
    for (const row of q.listHttpByWorkspaceIterate(db, ws)) {
      expect(names(q.listHttpByWorkspace(db, ws))).toEqual(["a", "b", "c"]);
      seen.push(`${row.name}:${names(q.listHttpByWorkspaceIterate(db, ws)).join("")}`);
    }
    expect(seen).toEqual(["a:abc", "b:abc", "c:abc"]);
  });

  it("is released by break, so a write after the loop runs; its statement is reused", () => {
    const { db, count } = countingPrepares(seeded());
    for (const row of q.listHttpByWorkspaceIterate(db, ws)) if (row.name === "a") break;
    db.prepare("UPDATE workspaces SET name = 'after'").run();
    const before = count();
    for (const row of q.listHttpByWorkspaceIterate(db, ws)) if (row.name === "b") break;
    expect(count()).toBe(before);
  });

  it("is released by a throw out of the loop", () => {
    const db = seeded();
    expect(() => {
      for (const _ of q.listHttpByWorkspaceIterate(db, ws)) throw new Error("stop");
    }).toThrow("stop");
    expect(() => db.close()).not.toThrow();
  });

  it("ended by a generated write, throws when resumed instead of stopping early", () => {
    const db = seeded();
    const rows = q.listHttpByWorkspaceIterate(db, ws);
    expect(rows.next().value.name).toBe("a");
    expect(q.renameWorkspace(db, { name: "z", id: Uint8Array.of(1) })).toBe(1);
    expect(() => rows.next()).toThrow(/ListHttpByWorkspace: this iterator was ended by RenameWorkspace/);
  });

  it("is left open by a write the driver allows (unsafe mode)", () => {
    const db = seeded();
    db.unsafeMode(true);
    const seen: string[] = [];
    for (const row of q.listHttpByWorkspaceIterate(db, ws)) {
      q.renameWorkspace(db, { name: row.name, id: Uint8Array.of(1) });
      seen.push(row.name);
    }
    expect(seen).toEqual(["a", "b", "c"]);
  });
});

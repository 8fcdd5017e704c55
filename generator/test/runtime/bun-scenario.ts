/**
 * Runs inside Bun: the generated code of the driver-bun-sqlite golden case on real bun:sqlite
 * connections, each step's result or error printed as JSON for bun-sqlite.test.ts to judge.
 * Usage: bun bun-scenario.js <adapter.js> <generated folder>. It takes bun:sqlite from the
 * conformance adapter (a Database with foreign keys on) so that it needs no Bun types itself.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";

// Generated modules and the driver, called loosely typed: the test judges what they return.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Module = Record<string, any>;

const [adapterPath, dir] = process.argv.slice(2) as [string, string];
const q = (await import(pathToFileURL(join(dir, "query.js")).href)) as Module;
const rt = (await import(pathToFileURL(join(dir, "db.js")).href)) as Module;
const { open } = (await import(pathToFileURL(adapterPath).href)) as Module;

/** Values JSON cannot carry, tagged: bigint, undefined, and binary data with its class. */
function tagged(_key: string, v: unknown): unknown {
  if (typeof v === "bigint") return { bigint: String(v) };
  if (v === undefined) return { undefined: true };
  if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer) return { bytes: [...new Uint8Array(v as ArrayBuffer)], class: v.constructor.name };
  return v;
}

const steps: Record<string, unknown> = {};
function step(name: string, fn: () => unknown): void {
  try {
    steps[name] = { ok: fn() };
  } catch (e) {
    const err = e as { name?: string; code?: string; message?: string };
    steps[name] = { error: err.name, code: err.code, message: err.message };
  }
}

const { db, exec } = await open();
exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE, body TEXT, data BLOB, score REAL NOT NULL DEFAULT 0, pinned BOOLEAN NOT NULL DEFAULT FALSE)");
exec("CREATE TABLE tags (id INTEGER PRIMARY KEY, note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE, label TEXT NOT NULL)");
exec("CREATE TABLE scratch (x)");

const note = (slug: string, pinned = false) => ({ slug, body: null, data: null, score: 0, pinned });
step("addNote", () => [q.addNote(db, { slug: "a", body: "alpha", data: new Uint8Array([1, 2, 255]), score: 1.5, pinned: true }), q.addNote(db, note("b")), q.addNote(db, { slug: "c", body: "", data: new Uint8Array(0), score: -2, pinned: false })]);
step("getNote", () => [q.getNote(db, { slug: "a" }), q.getNote(db, { slug: "b" }), q.getNote(db, { slug: "zz" })]);
step("addTag", () => [q.addTag(db, { noteId: 1, label: "x" }), q.addTag(db, { noteId: 3, label: "y" })]);
step("getNoteWithTag", () => [q.getNoteWithTag(db, { label: "y" }), q.getNoteWithTag(db, { label: "none" })]);
step("listNotes", () => q.listNotes(db));
step("listNotesByIds", () => [q.listNotesByIds(db, { ids: [] }), q.listNotesByIds(db, { ids: [3, 1, 99] }), q.listNotesByIds(db, { ids: Array.from({ length: 100 }, (_, i) => i) }).length]);
step("pinNotes", () => [q.pinNotes(db, { pinned: true, ids: [] }), q.pinNotes(db, { pinned: true, ids: [2, 3, 42] }), q.getNote(db, { slug: "c" }).pinned]);
step("limit", () => q.listNotesByIds(db, { ids: Array.from({ length: rt.MAX_VARIABLES }, (_, i) => i) }).length);
step("pastLimit", () => q.listNotesByIds(db, { ids: Array.from({ length: rt.MAX_VARIABLES + 1 }, (_, i) => i) }));
step("uniqueViolation", () => q.addNote(db, note("a")));
step("foreignKeyViolation", () => q.addTag(db, { noteId: 999, label: "z" }));
step("deleteNote", () => [q.deleteNote(db, { slug: "zz" }), q.listNotes(db).length]);

step("immediateCommit", () => [rt.immediate(db, () => [q.addNote(db, note("t1")), db.inTransaction]), db.inTransaction, q.getNote(db, { slug: "t1" })?.slug]);
step("immediateRollback", () => {
  try {
    rt.immediate(db, () => {
      q.addNote(db, note("t2"));
      throw new Error("undo");
    });
  } catch (e) {
    return [(e as Error).message, db.inTransaction, q.getNote(db, { slug: "t2" })];
  }
});
step("immediateNestedJoins", () => {
  rt.immediate(db, () => {
    q.addNote(db, note("t3"));
    try {
      rt.immediate(db, () => {
        q.addNote(db, note("t4"));
        throw new Error("inner");
      });
    } catch {
      // The inner call joined the outer transaction: its insert stays, as on better-sqlite3.
    }
  });
  return [q.getNote(db, { slug: "t3" })?.slug, q.getNote(db, { slug: "t4" })?.slug];
});
step("immediateFailedCommitStatement", () => rt.immediate(db, () => q.addNote(db, note("a"))));
step("afterFailure", () => db.inTransaction);

step("iterateWithWrites", () => {
  const seen: string[] = [];
  for (const r of q.listNotesIterate(db)) {
    seen.push(r.slug);
    if (r.slug === "a") q.addNote(db, note("w1"));
    if (r.slug === "b") rt.immediate(db, () => q.pinNotes(db, { pinned: false, ids: [1] }));
  }
  return seen;
});
step("iterateNestedSameQuery", () => {
  const pairs: string[] = [];
  for (const outer of q.listNotesByIdsIterate(db, { ids: [1, 2] })) for (const inner of q.listNotesByIdsIterate(db, { ids: [1, 2] })) pairs.push(`${outer.slug}${inner.slug}`);
  return pairs;
});
step("iterateBreakThenReuse", () => {
  for (const r of q.listNotesIterate(db)) if (r.slug === "a") break;
  return [rt.endIterators(db), q.listNotes(db).length, [...q.listNotesIterate(db)].length];
});
step("iterateGetInside", () => {
  const out: unknown[] = [];
  for (const r of q.listNotesByIdsIterate(db, { ids: [1, 3] })) out.push(q.getNote(db, { slug: r.slug }).id, q.listNotesByIds(db, { ids: [1, 3] }).length);
  return out;
});
step("iterateDropTableEndsIterator", () => {
  const it = q.listNotesIterate(db);
  const first = it.next().value.slug;
  q.dropScratch(db);
  return [first, (() => {
    try {
      return it.next();
    } catch (e) {
      return (e as Error).message;
    }
  })()];
});
step("endIteratorsOfDropped", () => {
  const it = q.listNotesIterate(db);
  it.next();
  return rt.endIterators(db);
});
step("checkParameters", () => {
  rt.checkParameters(true);
  try {
    return q.getNote(db, { slug: 7 });
  } finally {
    rt.checkParameters(false);
  }
});

// The driver's bigint mode: integers come back as bigint, booleans and last ids still read right.
const big = await open({ safeIntegers: true });
big.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE, body TEXT, data BLOB, score REAL NOT NULL DEFAULT 0, pinned BOOLEAN NOT NULL DEFAULT FALSE)");
step("safeIntegers", () => [q.addNote(big.db, note("p", true)), q.addNote(big.db, note("q")), q.getNote(big.db, { slug: "p" }), q.listNotes(big.db).map((r: { pinned: boolean }) => r.pinned), q.pinNotes(big.db, { pinned: false, ids: [1n, 2n] })]);

process.stdout.write(JSON.stringify(steps, tagged));

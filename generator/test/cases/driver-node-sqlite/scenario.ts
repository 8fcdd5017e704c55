/**
 * Runs this case's generated code on the real node:sqlite, inside Node 22 or 24: copied next to
 * the generated files, type-checked against Node's own types and run by
 * generator/test/runtime/node-sqlite.test.ts, which compares the transcript this prints (one JSON
 * value per step) with what node:sqlite must answer. Usage: node scenario.js <schema.sql>
 */
import { readFileSync } from "node:fs";
import { DatabaseSync } from "node:sqlite";
import { checkParameters, immediate } from "./db.js";
import { createNote, deleteNotesByIds, getNote, listNotes, listNotesByIds, listNotesByIdsIterate, listNotesIterate, renameNote, touchNote } from "./query.js";

const schema = readFileSync(process.argv[2]!, "utf8");
const transcript: Record<string, unknown> = {};

/** JSON can hold neither bigints nor byte arrays, nor tell undefined from null. */
function shown(v: unknown): unknown {
  if (v === undefined) return "<undefined>";
  if (typeof v === "bigint") return `${v}n`;
  if (v instanceof Uint8Array) return { bytes: [...v], isUint8Array: true };
  if (Array.isArray(v)) return v.map(shown);
  if (typeof v === "object" && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shown(x)]));
  return v;
}

function step(name: string, f: () => unknown): void {
  try {
    transcript[name] = shown(f());
  } catch (e) {
    const { message, code, errcode } = e as { message: string; code?: unknown; errcode?: unknown };
    transcript[name] = { error: message, code, errcode };
  }
}

/** A database with the schema, and a count of its prepare() calls, to observe statement reuse. */
function open(options = { readBigInts: false }): { db: DatabaseSync; prepares: () => number } {
  const db = new DatabaseSync(":memory:", options);
  db.exec(schema);
  let n = 0;
  const prepare = db.prepare.bind(db);
  db.prepare = (sql: string) => {
    n++;
    return prepare(sql);
  };
  return { db, prepares: () => n };
}

const { db, prepares } = open();
const note = { body: null, score: null, pinned: false, attachment: null };

step("createNote", () => [
  createNote(db, { slug: "a", body: "first", score: 1.5, pinned: true, attachment: Uint8Array.of(1, 2) }),
  createNote(db, { ...note, slug: "b" }),
  createNote(db, { slug: "c", body: "", score: 0, pinned: true, attachment: new Uint8Array(0) }),
]);
step("getNote", () => [getNote(db, { id: 1 }), getNote(db, { id: 2 }), getNote(db, { id: 99 })]);
step("listNotes", () => [listNotes(db, { pinned: true }), listNotes(db, { pinned: false })]);
step("listNotesByIds", () => [listNotesByIds(db, { ids: [3, 1] }), listNotesByIds(db, { ids: [] }), listNotesByIds(db, { ids: Array.from({ length: 70 }, (_, i) => i + 1) })]);
step("listNotesByIdsIterate", () => [...listNotesByIdsIterate(db, { ids: [2, 3] })]);
step("renameNote", () => [renameNote(db, { slug: "b2", id: 2 }), renameNote(db, { slug: "x", id: 99 })]);
step("touchNote", () => [touchNote(db, { id: 2 }), getNote(db, { id: 2 })?.score]);
step("uniqueViolation", () => createNote(db, { ...note, slug: "a" }));
step("checkParameters", () => {
  checkParameters(true);
  try {
    return getNote(db, { id: "1" as unknown as number });
  } finally {
    checkParameters(false);
  }
});

step("immediateCommits", () => {
  const id = immediate(db, () => {
    const made = createNote(db, { ...note, slug: "d" });
    // A nested call joins the outer transaction.
    immediate(db, () => touchNote(db, { id: made }));
    return made;
  });
  return [id, getNote(db, { id })?.score, db.isTransaction];
});
step("immediateRollsBack", () => {
  try {
    immediate(db, () => {
      createNote(db, { ...note, slug: "e" });
      createNote(db, { ...note, slug: "a" });
    });
  } catch (e) {
    return [(e as Error).message, listNotes(db, { pinned: false }).map((r) => r.slug), db.isTransaction];
  }
  return "no error";
});

// The iterate guarantee: each …Iterate() has a statement of its own, so anything runs in the loop.
step("writesInsideLoop", () => {
  const seen: string[] = [];
  for (const r of listNotesIterate(db, { pinned: true })) {
    touchNote(db, { id: r.id });
    seen.push(`${r.slug}:${getNote(db, { id: r.id })?.score}`);
  }
  return seen;
});
step("nestedIterate", () => {
  const seen: string[] = [];
  for (const r of listNotesIterate(db, { pinned: true })) {
    const inner = [...listNotesIterate(db, { pinned: true })].map((x) => x.slug).join("");
    seen.push(`${r.slug}:${inner}:${listNotes(db, { pinned: true }).length}`);
  }
  return seen;
});
step("breakReleasesAndReuses", () => {
  for (const r of listNotesIterate(db, { pinned: true })) if (r.slug === "a") break;
  const before = prepares();
  const slugs: string[] = [];
  for (const r of listNotesIterate(db, { pinned: true })) slugs.push(r.slug);
  return [slugs, prepares() - before];
});
step("throwReleases", () => {
  try {
    for (const _ of listNotesIterate(db, { pinned: true })) throw new Error("stop");
  } catch {
    // left by a throw
  }
  const before = prepares();
  return [[...listNotesIterate(db, { pinned: true })].length, prepares() - before];
});
step("abandonedIterator", () => {
  const rows = listNotesIterate(db, { pinned: true });
  const first = rows.next().value?.slug;
  return [first, renameNote(db, { slug: "c2", id: 3 }), [...listNotesIterate(db, { pinned: true })].map((r) => r.slug)];
});
step("statementsPreparedOnce", () => {
  const before = prepares();
  for (let i = 0; i < 5; i++) {
    getNote(db, { id: 1 });
    listNotesByIds(db, { ids: [1, 2] });
    renameNote(db, { slug: "a", id: 1 });
  }
  return prepares() - before;
});
step("deleteNotesByIds", () => [deleteNotesByIds(db, { ids: [2, 99] }), deleteNotesByIds(db, { ids: [] })]);
step("closeWithOpenIterator", () => {
  listNotesIterate(db, { pinned: true }).next();
  db.close();
  return db.isOpen;
});

step("readBigInts", () => {
  const big = open({ readBigInts: true }).db;
  const id = createNote(big, { ...note, slug: "z" });
  return [id, renameNote(big, { slug: "y", id }), typeof renameNote(big, { slug: "y", id }), getNote(big, { id })?.id];
});

process.stdout.write(JSON.stringify(transcript));

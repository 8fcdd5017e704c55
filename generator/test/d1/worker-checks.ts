/**
 * Runs INSIDE workerd (bundled with the driver-d1 golden case's generated code into a Miniflare
 * worker by d1.test.ts): calls the generated functions on a real D1 binding and returns what each
 * call gave, described so that types survive JSON. The assertions are in d1.test.ts.
 */

/** The generated query module and db.ts of the driver-d1 case, as these checks use them. */
export interface Generated<Db> {
  readonly getAuthor: (db: Db, p: { id: number }) => Promise<unknown>;
  readonly listAuthors: (db: Db) => Promise<unknown[]>;
  readonly listAuthorsByIds: (db: Db, p: { ids: readonly number[]; active: boolean }) => Promise<unknown[]>;
  readonly countAuthors: (db: Db) => Promise<number>;
  readonly createAuthor: (db: Db, p: { name: string; bio: string | null; avatar: Uint8Array | null; active: boolean }) => Promise<number>;
  readonly insertAuthor: (db: Db, p: { name: string; bio: string | null }) => Promise<unknown>;
  readonly renameAuthor: (db: Db, p: { name: string; id: number }) => Promise<void>;
  readonly rescore: (db: Db, p: { score: number }) => Promise<unknown>;
  readonly addBookForLastAuthor: (db: Db, p: { title: string }) => Promise<void>;
  readonly addBook: (db: Db, p: { authorId: number; title: string }) => Promise<number>;
  readonly listBooks: (db: Db) => Promise<unknown[]>;
  readonly deleteAuthorsByIds: (db: Db, p: { ids: readonly number[] }) => Promise<number>;
  readonly batch: (db: Db, fn: (b: Db) => unknown) => Promise<unknown>;
  readonly checkParameters: (on?: boolean) => void;
}

/** A value as JSON can carry it: Uint8Array as { blob: [...] }, undefined as { undefined: true }. */
export function described(v: unknown): unknown {
  if (v === undefined) return { undefined: true };
  if (v instanceof Uint8Array) return { blob: [...v] };
  if (Array.isArray(v)) return v.map(described);
  if (typeof v === "object" && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, described(x)]));
  return v;
}

async function outcome(f: () => Promise<unknown>): Promise<unknown> {
  try {
    return { ok: described(await f()) };
  } catch (e) {
    return { error: `${(e as Error).name}: ${(e as Error).message}` };
  }
}

const range = (from: number, n: number): number[] => Array.from({ length: n }, (_, i) => from + i);

export async function runChecks<Db>(g: Generated<Db>, db: Db, schema: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const step = async (name: string, f: () => Promise<unknown>) => void (out[name] = await outcome(f));
  // D1's exec() splits at newlines; the schema's statements are run one by one instead.
  const ddl = schema.split(/;\s*\n/).map((s) => s.trim()).filter((s) => s !== "");
  const raw = db as unknown as { prepare(s: string): unknown; batch(s: unknown[]): Promise<unknown> };
  await raw.batch(ddl.map((s) => raw.prepare(s)));

  await step("createFirst", () => g.createAuthor(db, { name: "ann", bio: null, avatar: new Uint8Array([0, 1, 255]), active: true }));
  await step("createSecond", () => g.createAuthor(db, { name: "bob", bio: "writes", avatar: null, active: false }));
  await step("getFirst", () => g.getAuthor(db, { id: 1 }));
  await step("getMissing", () => g.getAuthor(db, { id: 99 }));
  await step("listAll", () => g.listAuthors(db));
  await step("insertReturning", () => g.insertAuthor(db, { name: "cy", bio: null }));
  await step("rename", () => g.renameAuthor(db, { name: "bo", id: 2 }));
  await step("getRenamed", () => g.getAuthor(db, { id: 2 }));
  await step("rescore", () => g.rescore(db, { score: 1.5 }));
  await step("count", () => g.countAuthors(db));
  await step("duplicateName", () => g.createAuthor(db, { name: "ann", bio: null, avatar: null, active: true }));
  await step("bookOfMissingAuthor", () => g.addBook(db, { authorId: 42, title: "orphan" }));

  await step("sliceEmpty", () => g.listAuthorsByIds(db, { ids: [], active: true }));
  await step("sliceSome", () => g.listAuthorsByIds(db, { ids: [1, 2, 3], active: true }));
  await step("slice99", () => g.listAuthorsByIds(db, { ids: range(1, 99), active: true }));
  await step("slice100", () => g.listAuthorsByIds(db, { ids: range(1, 100), active: true }));
  await step("slice150", () => g.deleteAuthorsByIds(db, { ids: range(1000, 150) }));
  await step("slice100Delete", () => g.deleteAuthorsByIds(db, { ids: range(1000, 100) }));

  // A failing statement rolls the whole batch back: neither "dee" nor its book stays.
  await step("batchFailing", () => g.batch(db, (b) => [g.createAuthor(b, { name: "dee", bio: null, avatar: null, active: true }), g.addBookForLastAuthor(b, { title: "lost" }), g.createAuthor(b, { name: "ann", bio: null, avatar: null, active: true })]));
  await step("afterFailingCount", () => g.countAuthors(db));
  await step("afterFailingBooks", () => g.listBooks(db));
  await step("batchOk", () => g.batch(db, (b) => [g.createAuthor(b, { name: "eve", bio: null, avatar: new Uint8Array([7]), active: true }), g.addBookForLastAuthor(b, { title: "first" }), g.insertAuthor(b, { name: "fay", bio: "b" }), g.batch(b, (inner) => [g.rescore(inner, { score: 1 })]), g.countAuthors(b), g.getAuthor(b, { id: 5 })]));
  await step("afterOkBooks", () => g.listBooks(db));
  await step("batchEmpty", () => g.batch(db, () => "nothing"));
  await step("batchAwaitInside", () => g.batch(db, async (b) => {
    await g.countAuthors(b);
    return g.countAuthors(b);
  }));

  // D1's meta.changes would count the cascaded book too; the runtime reports SQLite's changes().
  await step("deleteWithCascade", () => g.deleteAuthorsByIds(db, { ids: [4] }));
  await step("afterCascadeBooks", () => g.listBooks(db));

  g.checkParameters(true);
  await step("checkedWrongType", () => g.getAuthor(db, { id: "1" as unknown as number }));
  g.checkParameters(false);
  return out;
}

/**
 * `npm run bench`: generated query functions against the hand-written fastest form
 * (better-sqlite3 raw arrays mapped to objects by a small per-query function), side by side on
 * one database, alternating runs; prints medians and the ratio. Not a test: numbers vary by machine.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import ts from "typescript";
import { run } from "../cli/run.js";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 25);

const schema = `CREATE TABLE http (
  id BLOB NOT NULL PRIMARY KEY,
  workspace_id BLOB NOT NULL,
  name TEXT NOT NULL,
  url TEXT,
  method TEXT NOT NULL,
  is_delta BOOLEAN NOT NULL,
  updated_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  meta TEXT NOT NULL
);
CREATE INDEX http_workspace ON http (workspace_id);
`;
const queries = `-- name: ListHttp :many
SELECT id, workspace_id, name, url, method, is_delta, updated_at FROM http WHERE workspace_id = ?;

-- name: GetHttp :one
SELECT id, workspace_id, name, url, method, is_delta, updated_at FROM http WHERE id = ?;

-- name: ListHttpTyped :many
SELECT id, name, created_at, meta FROM http WHERE workspace_id = ?;

-- name: GetHttpTyped :one
SELECT id, name, created_at, meta FROM http WHERE id = ?;
`;
/** Type options for the typed queries: a Date stored as unix seconds, parsed JSON. */
const config = { types: { "http.created_at": "date", "http.meta": { type: "json" } } };

interface Row { id: Uint8Array; workspaceId: Uint8Array; name: string; url: string | null; method: string; isDelta: boolean; updatedAt: number }
interface TypedRow { id: Uint8Array; name: string; createdAt: Date; meta: unknown }

/** The hand-written form every peer's fastest path reduces to. */
function handMapper(r: unknown[]): Row {
  return { id: r[0] as Uint8Array, workspaceId: r[1] as Uint8Array, name: r[2] as string, url: r[3] as string | null, method: r[4] as string, isDelta: r[5] !== 0, updatedAt: r[6] as number };
}

/** The same by hand, for a Date column and a JSON column. */
function handTypedMapper(r: unknown[]): TypedRow {
  return { id: r[0] as Uint8Array, name: r[1] as string, createdAt: new Date((r[2] as number) * 1000), meta: JSON.parse(r[3] as string) };
}

type Module = Record<string, (...a: unknown[]) => unknown>;

async function generate(): Promise<{ queries: Module; runtime: Module }> {
  const dir = mkdtempSync(join(tmpdir(), "sqlgen-bench-"));
  mkdirSync(join(dir, "schema"));
  mkdirSync(join(dir, "queries"));
  writeFileSync(join(dir, "schema", "schema.sql"), schema);
  writeFileSync(join(dir, "queries", "http.sql"), queries);
  writeFileSync(join(dir, "sqlgen.json"), JSON.stringify(config));
  const code = await run([], { cwd: dir, stdout: () => {}, stderr: (t) => process.stderr.write(t) });
  if (code !== 0) throw new Error("generation failed");
  // Plain Node cannot import TypeScript: transpile the generated files as a user's build would.
  for (const f of ["db", "http"]) {
    const out = ts.transpileModule(readFileSync(join(dir, "generated", `${f}.ts`), "utf8"), { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } });
    writeFileSync(join(dir, "generated", `${f}.js`), out.outputText);
  }
  writeFileSync(join(dir, "generated", "package.json"), '{"type":"module"}');
  const load = (f: string) => import(pathToFileURL(join(dir, "generated", `${f}.js`)).href) as Promise<Module>;
  return { queries: await load("http"), runtime: await load("db") };
}

/** The same call with the runtime's development-mode parameter checks on. */
function checked(fn: () => void): () => void {
  return () => {
    runtime.checkParameters(true);
    fn();
    runtime.checkParameters(false);
  };
}

function seed(db: Database.Database): void {
  const insert = db.prepare("INSERT INTO http VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  db.transaction(() => {
    for (let i = 0; i < ROWS; i++) {
      const id = Buffer.alloc(16);
      id.writeUInt32BE(i, 12);
      insert.run(id, Buffer.from([1]), `request ${i}`, i % 3 === 0 ? null : `https://example.com/${i}`, i % 2 ? "GET" : "POST", i % 5 === 0 ? 1 : 0, 1_700_000_000 + i, 1_600_000_000 + i, JSON.stringify({ tags: ["a", "b"], n: i }));
    }
  })();
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/**
 * Runs the forms alternately, round after round, starting each round with the next form, so that
 * drift on a shared machine and the cost of running first hit all alike.
 */
function compare(forms: Record<string, () => void>): Record<string, number> {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(forms).map((k) => [k, []]));
  const entries = Object.entries(forms);
  for (const [, fn] of entries) fn(); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < entries.length; i++) {
      const [name, fn] = entries[(round + i) % entries.length];
      (globalThis as { gc?: () => void }).gc?.();
      samples[name].push(time(fn));
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
}

const { queries: generated, runtime } = await generate();
const db = new Database(":memory:");
db.exec(schema);
seed(db);
const ws = Buffer.from([1]);
const listSql = "SELECT id, workspace_id, name, url, method, is_delta, updated_at FROM http WHERE workspace_id = ?";
const rawList = db.prepare(listSql).raw(true);
const objectList = db.prepare(listSql);

let sink = 0;
const many = compare({
  "hand-written raw + mapper": () => {
    const rows = rawList.all(ws) as unknown[][];
    const out: Row[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = handMapper(rows[i]);
    sink += out.length;
  },
  "generated listHttp()": () => {
    sink += (generated.listHttp(db, { workspaceId: ws }) as Row[]).length;
  },
  "generated listHttp(), checked": checked(() => {
    sink += (generated.listHttp(db, { workspaceId: ws }) as Row[]).length;
  }),
  "better-sqlite3 objects (no mapping)": () => {
    sink += objectList.all(ws).length;
  },
});

const rawIterate = db.prepare(listSql).raw(true);
const iterate = compare({
  "hand-written raw iterate + mapper": () => {
    for (const r of rawIterate.iterate(ws)) sink += handMapper(r as unknown[]).updatedAt;
  },
  "generated listHttpIterate()": () => {
    for (const r of generated.listHttpIterate(db, { workspaceId: ws }) as Iterable<Row>) sink += r.updatedAt;
  },
  "generated listHttpIterate(), checked": checked(() => {
    for (const r of generated.listHttpIterate(db, { workspaceId: ws }) as Iterable<Row>) sink += r.updatedAt;
  }),
});

const ids = Array.from({ length: 20_000 }, (_, i) => {
  const id = Buffer.alloc(16);
  id.writeUInt32BE((i * 7919) % ROWS, 12);
  return id;
});
const rawGet = db.prepare("SELECT id, workspace_id, name, url, method, is_delta, updated_at FROM http WHERE id = ?").raw(true);
const one = compare({
  "hand-written raw + mapper": () => {
    for (const id of ids) {
      const r = rawGet.get(id) as unknown[] | undefined;
      if (r !== undefined) sink += handMapper(r).updatedAt;
    }
  },
  "generated getHttp()": () => {
    for (const id of ids) sink += (generated.getHttp(db, { id }) as Row | undefined)?.updatedAt ?? 0;
  },
  "generated getHttp(), checked": checked(() => {
    for (const id of ids) sink += (generated.getHttp(db, { id }) as Row | undefined)?.updatedAt ?? 0;
  }),
});

const typedSql = "SELECT id, name, created_at, meta FROM http WHERE workspace_id = ?";
const rawTyped = db.prepare(typedSql).raw(true);
const typedMany = compare({
  "hand-written raw + mapper": () => {
    const rows = rawTyped.all(ws) as unknown[][];
    const out: TypedRow[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = handTypedMapper(rows[i]);
    sink += out.length;
  },
  "generated listHttpTyped()": () => {
    sink += (generated.listHttpTyped(db, { workspaceId: ws }) as TypedRow[]).length;
  },
  "generated listHttpTyped(), checked": checked(() => {
    sink += (generated.listHttpTyped(db, { workspaceId: ws }) as TypedRow[]).length;
  }),
});

const rawTypedGet = db.prepare("SELECT id, name, created_at, meta FROM http WHERE id = ?").raw(true);
const typedOne = compare({
  "hand-written raw + mapper": () => {
    for (const id of ids) {
      const r = rawTypedGet.get(id) as unknown[] | undefined;
      if (r !== undefined) sink += handTypedMapper(r).createdAt.getTime();
    }
  },
  "generated getHttpTyped()": () => {
    for (const id of ids) sink += (generated.getHttpTyped(db, { id }) as TypedRow | undefined)?.createdAt.getTime() ?? 0;
  },
  "generated getHttpTyped(), checked": checked(() => {
    for (const id of ids) sink += (generated.getHttpTyped(db, { id }) as TypedRow | undefined)?.createdAt.getTime() ?? 0;
  }),
});

const report = (title: string, results: Record<string, number>, baseline: string, subject: string) => {
  console.log(`\n${title}`);
  for (const [name, ms] of Object.entries(results)) console.log(`  ${name.padEnd(38)} ${ms.toFixed(2).padStart(9)} ms  (${(results[baseline] / ms).toFixed(3)}× of baseline speed)`);
  console.log(`  ratio generated/baseline speed: ${(results[baseline] / results[subject]).toFixed(3)} (goal ≥ 0.95)`);
  console.log(`  ratio checked/baseline speed:   ${(results[baseline] / results[`${subject}, checked`]).toFixed(3)} (development mode, no goal)`);
};
console.log(`sqlgen bench: ${ROWS} rows, median of ${ROUNDS} alternating rounds, node ${process.version}`);
report(`:many — all ${ROWS} rows of a workspace`, many, "hand-written raw + mapper", "generated listHttp()");
report(`:many, iterated — all ${ROWS} rows one at a time`, iterate, "hand-written raw iterate + mapper", "generated listHttpIterate()");
report(`:one — ${ids.length} point lookups`, one, "hand-written raw + mapper", "generated getHttp()");
report(`:many with a Date and a JSON column — all ${ROWS} rows`, typedMany, "hand-written raw + mapper", "generated listHttpTyped()");
report(`:one with a Date and a JSON column — ${ids.length} point lookups`, typedOne, "hand-written raw + mapper", "generated getHttpTyped()");
if (sink === 0) console.log("(no rows?)");

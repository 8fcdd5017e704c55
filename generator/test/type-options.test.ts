/**
 * Type options on real data (golden case type-options): every mapped value round-trips through
 * better-sqlite3, is stored the way its option says, and brands and CHECK unions refuse what does
 * not belong at compile time.
 */
import { cpSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCase, type CaseRun } from "./support/cases.js";
import { runCli } from "./support/run-cli.js";
import { schemaText } from "./support/fill-database.js";
import { typecheck } from "./support/typecheck.js";

type Fn = (db: unknown, params?: unknown) => any;
let c: CaseRun;
let q: Record<string, Fn>;
let checkParameters: (on?: boolean) => void;
let db: Database.Database;
const ws = Uint8Array.of(1);
const savedTz = process.env.TZ;

beforeAll(async () => {
  // Far from UTC, so that text read as local time would show.
  process.env.TZ = "America/New_York";
  c = await runCase("type-options");
  expect(c.generate.code).toBe(0);
  cpSync(join(c.dir, "app"), join(c.outDir, "app"), { recursive: true });
  q = (await import(pathToFileURL(join(c.outDir, "query.ts")).href)) as Record<string, Fn>;
  ({ checkParameters } = (await import(pathToFileURL(join(c.outDir, "db.ts")).href)) as { checkParameters: (on?: boolean) => void });
  db = new Database(":memory:");
  db.exec(schemaText(c.dir));
  q.createWorkspace!(db, { id: ws, name: "w", settings: { theme: "dark", tabs: ["a", "b"] }, archivedAt: new Date("2024-05-06T07:08:09.123Z"), createdAt: new Date(1_700_000_000_000) });
});

afterAll(() => {
  process.env.TZ = savedTz;
  db?.close();
});

describe("stored as the options say, read back as given", () => {
  it("JSON as text, ISO dates as toISOString() text, unix seconds as integers", () => {
    const raw = db.prepare("SELECT settings, archived_at, created_at, typeof(created_at) AS t FROM workspaces").get();
    expect(raw).toEqual({ settings: '{"theme":"dark","tabs":["a","b"]}', archived_at: "2024-05-06T07:08:09.123Z", created_at: 1_700_000_000, t: "integer" });
    const row = q.getWorkspace!(db, { id: ws });
    expect(row.settings).toEqual({ theme: "dark", tabs: ["a", "b"] });
    expect(row.archivedAt).toEqual(new Date("2024-05-06T07:08:09.123Z"));
    expect(row.createdAt).toEqual(new Date(1_700_000_000_000));
  });

  it("reads SQLite's own date text (no zone) as UTC", () => {
    db.exec("UPDATE workspaces SET archived_at = datetime(1700000000, 'unixepoch')");
    expect(q.getWorkspace!(db, { id: ws }).archivedAt.toISOString()).toBe("2023-11-14T22:13:20.000Z");
    expect(q.archivedBefore!(db, { archivedAt: new Date("2030-01-01T00:00:00Z") }).map((r: { archivedAt: Date }) => r.archivedAt.getTime())).toEqual([1_700_000_000_000]);
  });

  it("milliseconds, JSON objects, arrays and SQL NULL", () => {
    const requests = [
      { id: Uint8Array.of(10), workspaceId: ws, method: "GET", body: { a: [1, 2] }, sentAtMs: new Date(1_700_000_000_123) },
      { id: Uint8Array.of(11), workspaceId: ws, method: "POST", body: null, sentAtMs: null },
      { id: Uint8Array.of(12), workspaceId: ws, method: "PUT", body: [], sentAtMs: new Date(0) },
    ];
    for (const r of requests) q.createRequest!(db, r);
    expect(db.prepare("SELECT typeof(body) AS body, sent_at_ms FROM requests ORDER BY id").all()).toEqual([
      { body: "text", sent_at_ms: 1_700_000_000_123 },
      { body: "null", sent_at_ms: null },
      { body: "text", sent_at_ms: 0 },
    ]);
    const listed = q.listRequests!(db, { workspaceId: ws, methods: ["GET", "POST", "PUT"] });
    expect(listed.map((r: { body: unknown }) => r.body)).toEqual([{ a: [1, 2] }, null, []]);
    expect(listed.map((r: { sentAtMs: Date | null }) => r.sentAtMs?.getTime() ?? null)).toEqual([1_700_000_000_123, null, 0]);
    expect(listed.map((r: { workspace: unknown }) => r.workspace)).toEqual(["w", "w", "w"]);
    expect([...q.listRequestsIterate!(db, { workspaceId: ws, methods: ["GET", "POST", "PUT"] })]).toEqual(listed);
    // A list of Dates binds each as the column stores it.
    expect(q.requestsSentAt!(db, { times: [new Date(1_700_000_000_123), new Date(0)] }).map((r: { sentAtMs: Date }) => r.sentAtMs.getTime())).toEqual([0, 1_700_000_000_123]);
    // max() keeps the column's Date.
    expect(q.latestRequest!(db, { workspaceId: ws })).toEqual({ latest: new Date(1_700_000_000_123), n: 3 });
  });

  it("development checks name a value of the wrong kind", () => {
    checkParameters(true);
    try {
      expect(() => q.archivedBefore!(db, { archivedAt: "2024-01-01" })).toThrow(/archivedAt must be a valid Date/);
      expect(() => q.requestsSentAt!(db, { times: [new Date(Number.NaN)] })).toThrow(/times\[0\] must be a valid Date/);
      expect(() => q.listRequests!(db, { workspaceId: ws, methods: "GET" })).toThrow(/methods is a sqlc.slice list and must be an array/);
    } finally {
      checkParameters(false);
    }
  });
});

describe("at compile time", () => {
  const program = (name: string, body: string) => {
    const path = join(c.outDir, name);
    writeFileSync(path, `import type { Database } from "./db.js";\nimport type { RequestId, WorkspaceId } from "./models.js";\nimport { createRequest, getWorkspace, listRequests } from "./query.js";\ndeclare const db: Database;\ndeclare const ws: WorkspaceId;\ndeclare const req: RequestId;\n${body}\n`);
    return typecheck([path]).map((d) => (d.startsWith(`${path}:`) ? `line ${d.split(":")[1]}` : d));
  };
  const request = "{ id: req, workspaceId: ws, method: \"GET\", body: null, sentAtMs: null }";

  it("accepts ids where they belong", () => {
    expect(program("brands-ok.ts", `getWorkspace(db, { id: ws });\ncreateRequest(db, ${request});\nlistRequests(db, { workspaceId: ws, methods: ["GET"] });`)).toEqual([]);
  });

  it("refuses a request id for a workspace id, a plain Uint8Array, and a method outside the CHECK", () => {
    const crossed = program("brands-crossed.ts", [
      "getWorkspace(db, { id: req });",
      "getWorkspace(db, { id: new Uint8Array(1) });",
      `createRequest(db, { ...${request}, workspaceId: req });`,
      'listRequests(db, { workspaceId: ws, methods: ["PATCH"] });',
    ].join("\n"));
    expect(crossed).toEqual(["line 7", "line 8", "line 9", "line 10"]);
  });
});

describe("a bigint column (case type-bigint), on better-sqlite3 and sql.js", () => {
  const big = 2n ** 60n + 1n;
  it.each(["better-sqlite3", "sql.js"])("reads and binds %s values beyond 2^53 exactly", async (driver) => {
    const run = await runCase("type-bigint");
    const out = join(run.outDir, driver);
    expect((await runCli(["generate", "--schema", "schema.sql", "--queries", "query.sql", "--driver", driver, "--out", out], run.dir)).code).toBe(0);
    const m = (await import(pathToFileURL(join(out, "query.ts")).href)) as Record<string, Fn>;
    const ledger = await openDriver(driver, schemaText(run.dir));
    try {
      expect(m.addEntry!(ledger.db, { id: big, account: "a", amount: big + 1n, note: null })).toBe(big);
      expect(m.addEntry!(ledger.db, { id: big + 7n, account: "a", amount: -5n, note: "refund" })).toBe(big + 7n);
      expect(m.listEntries!(ledger.db, { account: "a" })).toEqual([
        { id: big + 7n, account: "a", amount: -5n, note: "refund" },
        { id: big, account: "a", amount: big + 1n, note: null },
      ]);
      expect(m.entriesOf!(ledger.db, { amounts: [big + 1n, 3n] })).toEqual([{ id: big, amount: big + 1n }]);
      // sum() is a plain number (here rounded: it is not the column); max() keeps the column's bigint; count() is a number.
      expect(m.balance!(ledger.db, { account: "a" })).toEqual({ total: Number(big + 1n - 5n), largest: big + 1n, entries: 2 });
    } finally {
      ledger.close();
    }
  });
});

/** A fresh database on `driver` with `schema` applied. */
async function openDriver(driver: string, schema: string): Promise<{ db: unknown; close(): void }> {
  if (driver === "sql.js") {
    const SQL = await (await import("sql.js")).default();
    const db = new SQL.Database();
    db.exec(schema);
    return { db, close: () => db.close() };
  }
  const db = new Database(":memory:");
  db.exec(schema);
  return { db, close: () => db.close() };
}

/**
 * `gen watch` on a real temporary project with real file-system events: atomic saves, renames,
 * deletions and new files are all noticed, and each run prints only what is new.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { run } from "../cli/run.js";
import { casesDir } from "./support/cases.js";

interface Session {
  readonly dir: string;
  readonly stderr: () => string;
  readonly stop: () => Promise<number>;
}

const sessions: Session[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.stop();
});

async function watching(): Promise<Session> {
  const dir = mkdtempSync(join(tmpdir(), "sqlgen-watch-"));
  cpSync(join(casesDir, "one-basic", "schema.sql"), join(dir, "schema", "001_init.sql"), { recursive: true });
  cpSync(join(casesDir, "one-basic", "query.sql"), join(dir, "queries", "http.sql"), { recursive: true });
  const abort = new AbortController();
  let stderr = "";
  const running = run(["watch"], { cwd: dir, stdout: () => {}, stderr: (t) => (stderr += t), signal: abort.signal });
  const session = { dir, stderr: () => stderr, stop: () => (abort.abort(), running) };
  sessions.push(session);
  await until(() => existsSync(join(dir, "generated", "http.ts")));
  return session;
}

/** Polls until `test` holds (file events are asynchronous), failing after 10 s. */
async function until(test: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!test()) {
    if (Date.now() > deadline) throw new Error("timed out waiting for the watcher");
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** How editors such as JetBrains IDEs and `sed -i` save: a new file renamed over the old one. */
function atomicSave(path: string, text: string): void {
  writeFileSync(`${path}.tmp~`, text);
  renameSync(`${path}.tmp~`, path);
}

const generated = (s: Session, name: string) => join(s.dir, "generated", name);
const read = (path: string) => (existsSync(path) ? readFileSync(path, "utf8") : "");

describe("gen watch", () => {
  it("keeps seeing a file after atomic saves replace it", async () => {
    const s = await watching();
    const query = join(s.dir, "queries", "http.sql");
    atomicSave(query, "-- name: First :one\nSELECT id FROM http;\n");
    await until(() => read(generated(s, "http.ts")).includes("export function first("));
    atomicSave(query, "-- name: Second :one\nSELECT id FROM http;\n");
    await until(() => read(generated(s, "http.ts")).includes("export function second("));
    // A plain write after atomic saves: the case that used to go unseen.
    writeFileSync(query, "-- name: Third :one\nSELECT id FROM http;\n");
    await until(() => read(generated(s, "http.ts")).includes("export function third("));
  });

  it("follows a renamed query file: the old module goes, the new one comes", async () => {
    const s = await watching();
    renameSync(join(s.dir, "queries", "http.sql"), join(s.dir, "queries", "requests.sql"));
    await until(() => existsSync(generated(s, "requests.ts")) && !existsSync(generated(s, "http.ts")));
  });

  it("notices a deleted query file and a new one, also in a new sub-folder", async () => {
    const s = await watching();
    writeFileSync(join(s.dir, "queries", "extra.sql"), "-- name: Extra :one\nSELECT 1 AS one;\n");
    await until(() => existsSync(generated(s, "extra.ts")));
    rmSync(join(s.dir, "queries", "extra.sql"));
    await until(() => !existsSync(generated(s, "extra.ts")));
    mkdirSync(join(s.dir, "queries", "admin"));
    writeFileSync(join(s.dir, "queries", "admin", "users.sql"), "-- name: AdminCount :one\nSELECT count(*) AS n FROM http;\n");
    await until(() => existsSync(generated(s, "admin-users.ts")));
  });

  it("sees a schema change saved atomically and regenerates the models", async () => {
    const s = await watching();
    const schema = join(s.dir, "schema", "001_init.sql");
    atomicSave(schema, readFileSync(schema, "utf8") + "\nCREATE TABLE tag (id INTEGER PRIMARY KEY, label TEXT NOT NULL);\n");
    await until(() => read(generated(s, "models.ts")).includes("export interface Tag "));
  });

  it("prints a diagnostic once, a timestamped summary line per run, and nothing for an unchanged save", async () => {
    const s = await watching();
    const query = join(s.dir, "queries", "http.sql");
    const broken = "-- name: Broken :one\nSELECT nope FROM http;\n-- name: Fine :one\nSELECT id FROM http;\n";
    writeFileSync(query, broken);
    await until(() => s.stderr().includes("SG303"));
    const runs = () => s.stderr().match(/^\[\d\d:\d\d:\d\d\] gen: /gm)?.length ?? 0;
    const before = runs();
    // Another change with the same error: a new run, but the error is not repeated.
    writeFileSync(query, broken.replace("Fine", "Okay"));
    await until(() => runs() === before + 1);
    expect(s.stderr().match(/error SG303/g)).toHaveLength(1);
    // The same bytes again (a touch) runs nothing; the fix after it is the next run.
    writeFileSync(query, broken.replace("Fine", "Okay"));
    await new Promise((r) => setTimeout(r, 200));
    writeFileSync(query, broken.replace("nope", "id"));
    await until(() => s.stderr().includes("[1 gone]"));
    expect(runs()).toBe(before + 2);
    expect(s.stderr().match(/error SG303/g)).toHaveLength(1);
    expect(s.stderr().trimEnd().split("\n").at(-1)).toMatch(/^\[\d\d:\d\d:\d\d\] gen: 2 queries in 1 file → generated\/ \(0 errors, 0 warnings\) \[1 gone\] in \d+ ms$/);
  });
});

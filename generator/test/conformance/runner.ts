/**
 * Runs inside the runtime under test (Node 20/22/24, Bun): for each case, opens a fresh database
 * through the driver's adapter, applies the schema and seed, calls every generated function in
 * order and prints what each returned or threw, as JSON on stdout. Usage: runner.js <job.json>.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { CaseJob, Job, JobResult, Outcome } from "./protocol.js";
import { decode, encode, errorClass } from "./values.js";

export interface Connection {
  /** What generated functions take as `db`. */
  readonly db: unknown;
  exec(sql: string): Promise<void> | void;
  close(): Promise<void> | void;
}

type Adapter = { open(): Promise<Connection> };
type Module = Record<string, (db: unknown, params?: unknown) => unknown>;

async function runCase(adapter: Adapter, c: CaseJob): Promise<readonly Outcome[] | { setupFailed: string }> {
  const conn = await adapter.open();
  try {
    try {
      await conn.exec(c.schema);
      if (c.seed !== "") await conn.exec(c.seed);
    } catch (e) {
      return { setupFailed: String((e as Error).message ?? e) };
    }
    const outcomes: Outcome[] = [];
    for (const call of c.calls) {
      const mod = (await import(pathToFileURL(join(c.dir, call.module)).href)) as Module;
      const fn = mod[call.fn];
      try {
        if (fn === undefined) throw new Error(`${call.module} exports no ${call.fn}`);
        const result = await (call.params === undefined ? fn(conn.db) : fn(conn.db, decode(call.params)));
        outcomes.push({ ok: encode(result) });
      } catch (e) {
        outcomes.push({ error: errorClass(e), message: String((e as Error).message ?? e) });
      }
    }
    return outcomes;
  } finally {
    await conn.close();
  }
}

const job = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as Job;
const adapter = (await import(pathToFileURL(job.adapter).href)) as Adapter;
const results: Record<string, readonly Outcome[] | { setupFailed: string }> = {};
for (const c of job.cases) results[c.name] = await runCase(adapter, c);
process.stdout.write(JSON.stringify(results satisfies JobResult));

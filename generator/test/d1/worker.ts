/**
 * Builds and runs a Miniflare worker around a golden case's generated D1 code: writes a worker
 * entry next to the generated files, type-checks it (with Cloudflare's workers types: the
 * generated functions must take a real `D1Database` and `D1DatabaseSession` without casts),
 * bundles it with esbuild, and runs it in workerd through Node 22 (miniflare-host.ts).
 */
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build } from "esbuild";
import { runtimeBinary } from "../conformance/runtimes.js";
import { typecheck } from "../support/typecheck.js";

const here = fileURLToPath(new URL(".", import.meta.url));

/** Compiler options for code that runs in a worker: workers types instead of the DOM library. */
export const workerTypes = { types: ["@cloudflare/workers-types"], lib: ["lib.es2023.d.ts"] };

/** The worker entry: hands the generated module to `module` (a file exporting `runChecks`). */
export function workerEntry(module: string): string {
  return `import * as q from "./query.js";
import { batch, checkParameters, type Database } from "./db.js";
import { runChecks } from ${JSON.stringify(module)};

/** Never called: type-checked to show a binding and a session are generated code's Database as they are. */
export async function bindingIsDatabase(db: D1Database, session: D1DatabaseSession): Promise<number> {
  const row = await q.getAuthor(session, { id: 1 });
  const [id] = await batch(db, (b) => [q.createAuthor(b, { name: "x", bio: null, avatar: null, active: true }), q.addBookForLastAuthor(b, { title: "t" })]);
  return (row?.id ?? 0) + id;
}

export default {
  async fetch(request: Request, env: { DB: D1Database }): Promise<Response> {
    return Response.json(await runChecks<Database>({ ...q, batch, checkParameters }, env.DB, await request.text()));
  },
};
`;
}

/** Type-checks, bundles and runs the worker in `dir`; resolves with the worker's JSON answer. */
export async function runWorker(dir: string, body: string): Promise<{ errors: string[]; answer: unknown }> {
  const entry = join(dir, "worker.ts");
  writeFileSync(entry, workerEntry(join(here, "worker-checks.js")));
  const errors = typecheck([entry], workerTypes);
  const outfile = join(dir, "worker.js");
  await build({ entryPoints: [entry], bundle: true, format: "esm", platform: "neutral", target: "es2022", outfile, logLevel: "silent" });
  const node22 = runtimeBinary("node22");
  const { stdout } = await promisify(execFile)(node22, [join(here, "miniflare-host.ts"), outfile, body], { maxBuffer: 64 << 20, timeout: 120_000 });
  return { errors, answer: JSON.parse(stdout) as unknown };
}

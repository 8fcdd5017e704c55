/**
 * Run by Node 22 (Miniflare needs it; Node strips the types): starts Miniflare with the bundled
 * worker given as argv[2] and one D1 database bound as DB, sends one request to the worker with
 * argv[3] as its body, prints the worker's answer, and stops. A worker that throws answers 500
 * with the error, which the caller's assertions then show.
 */
import { dirname } from "node:path";
import { Miniflare } from "miniflare";

const [scriptPath, body = ""] = process.argv.slice(2);
if (scriptPath === undefined) throw new Error("usage: miniflare-host.ts <worker.js> [body]");
const mf = new Miniflare({ modules: true, scriptPath, modulesRoot: dirname(scriptPath), d1Databases: ["DB"], compatibilityDate: "2026-07-01" });
try {
  const res = await mf.dispatchFetch("http://worker/", { method: "POST", body });
  process.stdout.write(await res.text());
  if (!res.ok) process.exitCode = 1;
} finally {
  await mf.dispose();
}

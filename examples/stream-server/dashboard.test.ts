/**
 * /dashboard in headless Chromium (Debian's `chromium`, see generator/test/support/headless-chromium.ts)
 * while writers and streams keep the server busy: every chart must have drawn points, and the
 * charts of operations, rows, latency and streams must show non-zero values. With UPDATE_BENCH=1 it
 * also saves a screenshot to bench/results/dashboard.png.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { dumpDom, headlessChromium } from "../../generator/test/support/headless-chromium.js";
import { call, runWriter, startServer, type TestServer } from "./fixtures.js";
import { StreamClient } from "./sse-client.js";

let t: TestServer;
let workspace: string;
const clients: StreamClient[] = [];
let writing = true;
let writers: Promise<void>;

beforeAll(async () => {
  t = await startServer("better-sqlite3");
  workspace = (await call<{ id: string }>(t.base, "POST", "/workspaces", { name: "dashboard" })).body.id;
  for (let i = 0; i < 3; i++) clients.push(new StreamClient(`${t.base}/workspaces/${workspace}/stream`));
  await Promise.all(clients.map((c) => c.connect()));
  // Writes go on while the page samples /metrics, so that its rates have something to show.
  writers = (async () => {
    for (let seed = 1; writing; seed++) await runWriter(t.base, workspace, seed, 10);
  })();
});

afterAll(async () => {
  writing = false;
  await writers;
  clients.forEach((c) => c.close());
  await t.app.close();
});

/** The chart <svg> elements of a dumped page: id → its data-points and data-max. */
function charts(dom: string): Map<string, { points: number; max: number }> {
  const found = [...dom.matchAll(/<svg id="(\w+)"[^>]*?data-points="(\d+)" data-max="([^"]+)"/g)];
  return new Map(found.map((m) => [m[1], { points: Number(m[2]), max: Number(m[3]) }]));
}

it("plots the live metrics: every chart draws points, and the busy ones show non-zero values", async () => {
  const dom = await dumpDom(`${t.base}/dashboard?interval=100`, 6000);
  const samples = Number(/<body data-samples="(\d+)"/.exec(dom)?.[1]);
  expect(samples, "samples of /metrics taken").toBeGreaterThan(5);
  expect(dom).not.toMatch(/<div id="status">[^<]/);
  const drawn = charts(dom);
  expect([...drawn.keys()].sort()).toEqual(["errors", "latency", "memory", "ops", "rows", "streams"]);
  for (const [id, chart] of drawn) expect(chart.points, `points drawn on ${id}`).toBeGreaterThan(0);
  for (const id of ["ops", "rows", "latency", "memory"]) expect(drawn.get(id)!.max, `largest value on ${id}`).toBeGreaterThan(0);
  // Three streams were open all along.
  expect(drawn.get("streams")!.max).toBeGreaterThanOrEqual(3);
  expect(dom).toMatch(/\d+ operations, 0 errors, \d+ rows since the server started/);
  if (process.env.UPDATE_BENCH) {
    mkdirSync(join("bench", "results"), { recursive: true });
    await headlessChromium(`${t.base}/dashboard?interval=250`, ["--screenshot=" + join(process.cwd(), "bench", "results", "dashboard.png"), "--window-size=1400,490", "--hide-scrollbars"], 15_000);
  }
}, 120_000);

/**
 * Runs inside the runtime under test: opens a fresh database through a conformance adapter and
 * migrates it with the `migrate()` of successive generated projects (see migrate.test.ts), printing
 * what each step returned or threw, as JSON. Usage: migrate-scenario.js <adapter.js> <out-root>.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Connection } from "../conformance/runner.js";

type Migrate = (db: unknown) => Promise<{ version: number; name: string }[]> | { version: number; name: string }[];
type Module = Record<string, (db: unknown) => unknown>;

const [adapterPath, root] = process.argv.slice(2) as [string, string];
const adapter = (await import(pathToFileURL(adapterPath).href)) as { open(): Promise<Connection> };
const project = async (name: string) => (await import(pathToFileURL(join(root, name, "index.js")).href)) as Module;

const steps: Record<string, unknown> = {};
const conn = await adapter.open();
async function step(label: string, name: string): Promise<void> {
  const migrate = (await project(name))["migrate"] as Migrate;
  try {
    steps[label] = (await migrate(conn.db)).map((m) => `${m.version} ${m.name}`);
  } catch (e) {
    steps[label] = { threw: String((e as Error).message) };
  }
}
try {
  await step("fresh", "v1");
  await step("again", "v1");
  await step("added file", "v2");
  const v2 = await project("v2");
  await v2["addUser"]!(conn.db);
  await v2["addUser"]!(conn.db);
  await step("failing file", "bad");
  await step("after the failure", "v2");
  await step("fixed file", "fixed");
  const fixed = await project("fixed");
  await fixed["addTag"]!(conn.db);
  steps["tables"] = { users: await fixed["countUsers"]!(conn.db), tags: await fixed["countTags"]!(conn.db) };
  await step("older code", "v1");
} finally {
  await conn.close();
}
process.stdout.write(JSON.stringify(steps));

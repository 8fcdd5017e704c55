/**
 * Run by Node 22: runs each SQL statement of the JSON array in argv[2] on a fresh Miniflare D1
 * database (in order, on one database) and prints, per statement, "ok" or D1's error message.
 */
import { readFileSync } from "node:fs";
import { Miniflare } from "miniflare";

const statements = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as string[];
const mf = new Miniflare({ modules: true, script: "export default { fetch() { return new Response(); } };", d1Databases: ["DB"], compatibilityDate: "2026-07-01" });
try {
  const db = await mf.getD1Database("DB");
  const said: string[] = [];
  for (const sql of statements) {
    try {
      await db.prepare(sql).raw();
      said.push("ok");
    } catch (e) {
      said.push((e as Error).message);
    }
  }
  process.stdout.write(JSON.stringify(said));
} finally {
  await mf.dispose();
}

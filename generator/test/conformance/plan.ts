/**
 * The suite's input, made once on Node 20: for each successful golden case, its schema, a seed of
 * rows valid with foreign keys on, and one call per generated function with sample parameters;
 * and, per driver, the case's generated output compiled to JavaScript.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type Database from "better-sqlite3";
import { transformSync } from "esbuild";
import { generate } from "../../pipeline/generate.js";
import type { Driver } from "../../targets/drivers.js";
import { caseInput, caseNames, casesDir } from "../support/cases.js";
import { openFilled, paramValue, schemaText } from "../support/fill-database.js";
import type { Call, CaseJob } from "./protocol.js";
import { encode } from "./values.js";

export interface PlannedCase {
  readonly name: string;
  readonly dir: string;
  readonly schema: string;
  readonly seed: string;
  readonly calls: readonly Call[];
}

async function analyse(dir: string, driver?: Driver) {
  const input = caseInput(dir);
  return generate({ ...input, options: { ...input.options, ...(driver === undefined ? { emit: false } : { driver }) } });
}

/** Every golden case that generates without errors (error cases are golden.test.ts's). */
export async function planCases(): Promise<PlannedCase[]> {
  const planned: PlannedCase[] = [];
  for (const name of caseNames().filter((n) => !n.startsWith("error-"))) {
    const dir = join(casesDir, name);
    const analysis = await analyse(dir);
    if (analysis.diagnostics.some((d) => d.severity === "error")) continue;
    // Each function twice: with values that match the seeded rows, then with new ones (inserts succeed).
    const calls = [1, 4].flatMap((sample) =>
      analysis.program.modules.flatMap((m) =>
        m.queries.map((q) => ({
          module: m.fileName.replace(/\.ts$/, ".js"),
          fn: q.identifiers.fn,
          params: q.params.length === 0 ? undefined : encode(Object.fromEntries(q.params.map((p) => [p.field, paramValue(p, sample)]))),
        })),
      ),
    );
    const db = openFilled(dir);
    planned.push({ name, dir, schema: schemaText(dir), seed: seedSql(db), calls });
    db.close();
  }
  return planned;
}

/**
 * Writes `driver`'s output for each case, compiled to JavaScript, under `root`; returns the runner's
 * case jobs. The cases in `refused` must fail to generate, only for what the driver's SQLite lacks.
 */
/** What a driver's SQLite lacking a function, module or table leads to: its errors, and their knock-on effects. */
const lacking: readonly string[] = ["SG101", "SG301", "SG302", "SG306", "SG408"];

export async function compileCases(cases: readonly PlannedCase[], driver: Driver, root: string, refused: readonly string[] = []): Promise<CaseJob[]> {
  rmSync(root, { recursive: true, force: true });
  const jobs: CaseJob[] = [];
  for (const c of cases) {
    const result = await analyse(c.dir, driver);
    if (refused.includes(c.name)) {
      const errors = result.diagnostics.filter((d) => d.severity === "error");
      if (result.files !== null || errors.some((d) => !lacking.includes(d.code))) throw new Error(`${c.name}: suite.ts says ${driver} refuses it for what its SQLite lacks; it got ${errors.map((d) => `${d.code} ${d.message}`).join("; ") || "no errors"}`);
      continue;
    }
    if (result.files === null) throw new Error(`${c.name}: generating for ${driver} failed: ${result.diagnostics.map((d) => `${d.code} ${d.message}`).join("; ")}`);
    const out = join(root, c.name);
    mkdirSync(out, { recursive: true });
    for (const [file, text] of result.files) {
      writeFileSync(join(out, file), text);
      writeFileSync(join(out, file.replace(/\.ts$/, ".js")), transformSync(text, { loader: "ts", format: "esm", target: "es2022" }).code);
    }
    jobs.push({ name: c.name, dir: out, schema: c.schema, seed: c.seed, calls: c.calls });
  }
  return jobs;
}

/**
 * The filled rows as INSERT statements of SQL literals (`quote()`), parents before children, after
 * dropping the rows whose foreign keys dangle: some drivers (D1) cannot turn foreign keys off.
 */
function seedSql(db: Database.Database): string {
  for (let round = 0; round < 10; round++) {
    const dangling = db.prepare("SELECT \"table\", rowid FROM pragma_foreign_key_check").all() as { table: string; rowid: number | null }[];
    if (dangling.length === 0) break;
    for (const d of dangling) if (d.rowid !== null) db.prepare(`DELETE FROM "${d.table}" WHERE rowid = ?`).run(d.rowid);
  }
  const statements: string[] = [];
  for (const table of parentsFirst(db)) {
    const columns = (db.prepare("SELECT name FROM pragma_table_xinfo(?) WHERE hidden = 0").pluck().all(table) as string[]).map((c) => `"${c}"`);
    const rows = db.prepare(`SELECT ${columns.map((c) => `quote(${c})`).join(", ")} FROM "${table}"`).raw().all() as string[][];
    if (rows.length > 0) statements.push(`INSERT INTO "${table}" (${columns.join(", ")}) VALUES ${rows.map((r) => `(${r.join(", ")})`).join(", ")};`);
  }
  return statements.join("\n");
}

function parentsFirst(db: Database.Database): string[] {
  const tables = db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const order: string[] = [];
  const visit = (t: string, path: readonly string[]) => {
    if (order.includes(t) || path.includes(t)) return;
    for (const parent of db.prepare('SELECT DISTINCT "table" FROM pragma_foreign_key_list(?)').pluck().all(t) as string[]) if (tables.includes(parent)) visit(parent, [...path, t]);
    order.push(t);
  };
  for (const t of tables) visit(t, []);
  return order;
}

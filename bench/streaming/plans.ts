/**
 * What SQLite does for each family on each side: the EXPLAIN QUERY PLAN of every statement one call
 * of the family runs, with that call's arguments. Captured on a copy of the side's database (VACUUM
 * INTO), so that the measured databases are never written; the statements are seen as the family's
 * code prepares them on that connection.
 */
import { join } from "node:path";
import type Database from "better-sqlite3";
import { queriesOf } from "./compare.js";
import { connect, type BenchDatabase, type Side } from "./databases.js";
import { families, type FamilyName } from "./families.js";

export interface StatementPlan {
  readonly sql: string;
  /** EXPLAIN QUERY PLAN's rows, indented by depth as the sqlite3 shell shows them. */
  readonly plan: readonly string[];
}

export interface FamilyPlan {
  readonly family: FamilyName;
  readonly side: Side;
  readonly statements: readonly StatementPlan[];
}

interface Executed {
  readonly sql: string;
  readonly args: readonly unknown[];
}

const runs = new Set(["all", "get", "run", "iterate"]);

export function familyPlans(d: BenchDatabase, dir: string): FamilyPlan[] {
  const copy = join(dir, `plans-${d.side}-${d.data.requests}.db`);
  d.db.prepare("VACUUM INTO ?").run(copy);
  const db = connect(copy);
  try {
    const executed: Executed[] = [];
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => recording(prepare(sql), sql, executed)) as typeof db.prepare;
    return families.map((family) => {
      executed.length = 0;
      family.run({ q: queriesOf(d.side, db), db, data: d.data, seed: 1, calls: 1 }, { ms: [], rows: [] });
      const seen = new Set<string>();
      const statements = executed.filter((e) => isQuery(e.sql) && !seen.has(e.sql) && seen.add(e.sql)).map((e) => ({ sql: e.sql.trim(), plan: explain(prepare, e) }));
      return { family: family.name, side: d.side, statements };
    });
  } finally {
    db.close();
  }
}

/** The statement, recording each run of it (with its arguments) into `into`. */
function recording(stmt: Database.Statement, sql: string, into: Executed[]): Database.Statement {
  const proxy: Database.Statement = new Proxy(stmt, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        if (typeof key === "string" && runs.has(key)) into.push({ sql, args });
        const result: unknown = value.apply(target, args);
        // Chained settings (raw(), pluck(), safeIntegers()) return the statement: keep recording.
        return result === target ? proxy : result;
      };
    },
  });
  return proxy;
}

/** Statements that read or write rows (not BEGIN, SAVEPOINT or PRAGMA). */
function isQuery(sql: string): boolean {
  return /^\s*(WITH|SELECT|INSERT|UPDATE|DELETE|REPLACE|VALUES)\b/i.test(sql);
}

function explain(prepare: (sql: string) => Database.Statement, e: Executed): string[] {
  const rows = prepare(`EXPLAIN QUERY PLAN ${e.sql}`).all(...e.args) as { id: number; parent: number; detail: string }[];
  const depth = new Map<number, number>([[0, -1]]);
  return rows.map((r) => {
    const d = (depth.get(r.parent) ?? -1) + 1;
    depth.set(r.id, d);
    return `${"  ".repeat(d)}${r.detail}`;
  });
}

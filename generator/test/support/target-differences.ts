/**
 * The checks every driver's row of the capability table gets against the real driver (see
 * targets*.test.ts): the functions and modules it adds and lacks, compared with the WASM analysis
 * build, are exactly the listed ones, and the analysis answers each listed entry as the driver does.
 */
import { expect, it } from "vitest";
import { isSqliteError, type AnalysisDb } from "../../sqlite/analysis-db.js";
import type { TargetCapabilities } from "../../targets/capabilities.js";

export interface TargetProbe {
  readonly target: TargetCapabilities;
  readonly analysis: AnalysisDb;
  /** The first column of the rows `sql` gives on the driver, and on the plain WASM build. */
  onDriver(sql: string): Set<string>;
  onWasm(sql: string): Set<string>;
  /** "ok" when the driver prepares `sql`, else its error message. */
  driverSays(sql: string): string;
}

const functions = "SELECT name || '/' || narg FROM pragma_function_list";
const modules = "SELECT name FROM pragma_module_list";
/** Table-valued functions that SQLite cannot plan without their argument. */
const tableArguments: Readonly<Record<string, string>> = { bytecode: "('SELECT 1')", tables_used: "('SELECT 1')" };

const minus = (a: Set<string>, b: Set<string>): string[] => [...a].filter((x) => !b.has(x)).sort();
/** Pragma tables are registered as modules on first use: not a difference between builds. */
const realModules = (names: Set<string>): Set<string> => new Set([...names].filter((n) => !n.startsWith("pragma_")));

export function analysisSays(analysis: AnalysisDb, sql: string): { message: string; missingOn?: string } {
  const r = analysis.prepare(sql);
  return isSqliteError(r) ? r : { message: "ok" };
}

/** What the table cannot say of an older SQLite (libSQL's 3.45). */
export interface Unlisted {
  /**
   * Functions both have under other argument counts (SQLite 3.48 lists variadic minimums as
   * negative counts); where the driver's accepts fewer forms, the analysis accepts the newer too.
   */
  readonly arityOnly?: readonly string[];
  /** Modules of the driver the analysis neither has nor stands in for: refused as "no such table". */
  readonly unmodelled?: readonly string[];
}

/**
 * Registers the tests. `alsoRefused`: statements the driver refuses for reasons other than a
 * missing function or table; `schemaOnlyModules`: modules it lacks that the table does not list.
 */
export function checkListedDifferences(probe: () => TargetProbe, alsoRefused: readonly string[] = [], schemaOnlyModules: readonly string[] = [], unlisted: Unlisted = {}): void {
  const arityOnly = unlisted.arityOnly ?? [];
  const unmodelled = unlisted.unmodelled ?? [];
  const named = (list: readonly string[]) => list.filter((f) => !arityOnly.includes(f.split("/")[0]!));
  it("lists exactly the functions the driver adds and lacks", () => {
    const { target, onDriver, onWasm, driverSays } = probe();
    const added = target.addedFunctions.flatMap((f) => f.arities.map((n) => `${f.name}/${n}`)).sort();
    expect(named(minus(onDriver(functions), onWasm(functions)))).toEqual(added);
    // `unknown` is WASM's ENABLE_UNKNOWN_SQL_FUNCTION placeholder, used by EXPLAIN only: never callable.
    const lacked = named(minus(onWasm(functions), onDriver(functions)).filter((f) => f !== "unknown/-1"));
    expect([...new Set(lacked.map((f) => f.split("/")[0]))]).toEqual([...target.missingFunctions].sort());
    for (const f of arityOnly) expect([f, driverSays(`SELECT ${f}(1, 2, 3)`)]).not.toEqual([f, `no such function: ${f}`]);
  });

  it("lists exactly the modules the driver adds and lacks", () => {
    const { target, analysis, onDriver, onWasm } = probe();
    // Newer SQLite registers json_each and json_tree on first use: use them on both before comparing.
    for (const m of ["json_each", "json_tree"]) for (const on of [onDriver, onWasm]) expect(on(`SELECT count(*) FROM ${m}('[]')`).size).toBe(1);
    const [ours, theirs] = [realModules(onDriver(modules)), realModules(onWasm(modules))];
    expect(minus(ours, theirs)).toEqual([...target.addedModules, ...unmodelled].sort());
    for (const m of unmodelled) expect(analysisSays(analysis, `SELECT * FROM ${m}`).message).toBe(`no such table: ${m}`);
    expect(minus(theirs, ours)).toEqual([...target.missingTables, ...schemaOnlyModules].sort());
  });

  it("accepts a call of every added function, as the driver does", () => {
    const { target, analysis, driverSays } = probe();
    for (const f of target.addedFunctions) {
      for (const n of f.arities) {
        const sql = `SELECT ${f.name}(${Array.from({ length: n < 0 ? 1 : n }, () => "NULL").join(", ")})`;
        expect([f.name, driverSays(sql)]).toEqual([f.name, "ok"]);
        expect([f.name, analysisSays(analysis, sql).message]).toEqual([f.name, "ok"]);
      }
    }
  });

  it("refuses what the driver lacks with the driver's own message, naming the driver", () => {
    const { target, analysis, onWasm, driverSays } = probe();
    // Each missing function called with as many arguments as the analysis's takes at most (negative: variadic with a minimum).
    const narg = (f: string) => Math.max(...[...onWasm(functions)].filter((x) => x.startsWith(`${f}/`)).map((x) => Number(x.split("/")[1])));
    const call = (f: string) => `SELECT ${f}(${Array.from({ length: narg(f) < 0 ? Math.max(1, -narg(f) - 1) : narg(f) }, () => "1").join(", ")})`;
    const statements = [...target.missingFunctions.map(call), ...target.missingTables.map((t) => `SELECT * FROM ${t}${tableArguments[t] ?? ""}`), ...alsoRefused];
    for (const sql of statements) {
      const said = driverSays(sql);
      expect(said, sql).not.toBe("ok");
      expect(analysisSays(analysis, sql), sql).toEqual({ message: said, byteOffset: expect.any(Number), missingOn: target.driver });
    }
  });
}

/** A table of each module the analysis can stand in for, created as a schema would. */
const standInTables = [
  "CREATE VIRTUAL TABLE a USING fts3(title, body TEXT, tokenize=porter)",
  'CREATE VIRTUAL TABLE b USING fts4(title, "the body", languageid="lid", notindexed=title, prefix="2,3")',
  "CREATE VIRTUAL TABLE c USING fts4",
  "CREATE VIRTUAL TABLE d USING fts4aux(b)",
  "CREATE VIRTUAL TABLE e USING fts3tokenize(simple)",
  "CREATE VIRTUAL TABLE f USING geopoly(name, kind)",
];

/**
 * Registers a test that creates a table of each module the driver adds, on the driver (`run`) and
 * in the analysis, and compares their columns (`columns`: the driver's rows of `columnsSql`).
 */
export function checkStandIns(probe: () => TargetProbe & { run(sql: string): void; columns(table: string): unknown[] }): void {
  it("stands in for each added module with the columns the driver's module declares", () => {
    const { target, analysis, run, columns } = probe();
    const created = standInTables.filter((s) => (target.addedModules as readonly string[]).includes(/USING (\w+)/.exec(s)![1]!));
    expect(new Set(created.map((s) => /USING (\w+)/.exec(s)![1]))).toEqual(new Set(target.addedModules));
    for (const sql of created) {
      run(sql);
      expect(analysis.execute(sql), sql).toBeNull();
      const table = /TABLE (\w+)/.exec(sql)![1]!;
      expect(analysis.query(columnsSql, [table]), sql).toEqual(columns(table));
    }
  });
}

export const columnsSql = "SELECT name, hidden FROM pragma_table_xinfo(?)";

/** How preparing a statement fares: "ok", or the error message. */
export function fares(prepare: () => unknown): string {
  try {
    prepare();
    return "ok";
  } catch (e) {
    return (e as Error).message;
  }
}

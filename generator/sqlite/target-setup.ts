/**
 * Makes the analysis database answer like the target driver's SQLite: the driver's extra
 * functions are stubs and its extra modules stand-ins, and SQLite's authorizer records which
 * functions and tables each statement uses, so that what the driver lacks can be refused.
 */
import type sqlite3InitModule from "@sqlite.org/sqlite-wasm";
import type { TargetCapabilities } from "../targets/capabilities.js";
import { registerStandIns } from "./stand-in-modules.js";

type Sqlite3 = Awaited<ReturnType<typeof sqlite3InitModule>>;
type OoDb = InstanceType<Sqlite3["oo1"]["DB"]>;

/** What the statements prepared since the last `clear()` read and call, as SQLite's authorizer saw them. */
export class UsageLog {
  readonly functions = new Set<string>();
  readonly tables = new Set<string>();

  clear(): void {
    this.functions.clear();
    this.tables.clear();
  }
}

const SQLITE_READ = 20;
const SQLITE_FUNCTION = 31;

export function setUpTarget(sqlite3: Sqlite3, db: OoDb, target: TargetCapabilities): UsageLog {
  // Stubs only let statements prepare: the analysis never runs a query, so they return NULL.
  for (const f of target.addedFunctions) {
    for (const arity of f.arities) db.createFunction(f.name, () => null, { arity, deterministic: true });
  }
  registerStandIns(sqlite3, db.pointer!, target.addedModules);
  const log = new UsageLog();
  const { wasm } = sqlite3;
  // Installed raw: the wrapped API would turn all four name arguments into strings on every call
  // (every column a statement reads is one), where only the one an action names is needed.
  const authorizer = wasm.installFunction("i(pipppp)", (_app: number, action: number, a: number, b: number) => {
    if (action === SQLITE_FUNCTION && b) log.functions.add(wasm.cstrToJs(b)!.toLowerCase());
    if (action === SQLITE_READ && a) log.tables.add(wasm.cstrToJs(a)!.toLowerCase());
    return 0;
  });
  (wasm.exports.sqlite3_set_authorizer as (db: number, x: number, app: number) => number)(db.pointer! as number, authorizer as number, 0);
  db.onclose = { after: () => wasm.uninstallFunction(authorizer) };
  return log;
}

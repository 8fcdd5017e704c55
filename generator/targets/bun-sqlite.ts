/**
 * Bun 1.4's bun:sqlite statically links its own SQLite (3.54.1) on Linux and Windows, built with
 * ENABLE_FTS3/FTS3_PARENTHESIS, ENABLE_GEOPOLY, ENABLE_RBU, ENABLE_UPDATE_DELETE_LIMIT,
 * MAX_VARIABLE_NUMBER=250000 and load_extension kept, Tcl variables kept, double-quoted strings
 * allowed (DQS: the analysis refuses them, so nothing it accepts differs). No soundex(), unlike
 * better-sqlite3. The WASM build instead has ENABLE_OFFSET_SQL_FUNC, ENABLE_BYTECODE_VTAB,
 * ENABLE_STMTVTAB and ENABLE_DBPAGE_VTAB. Found by comparing pragma_function_list,
 * pragma_module_list and compile_options of both (generator/test/targets-bun.test.ts keeps it so).
 * On macOS Bun uses the system's SQLite unless `Database.setCustomSQLite()` is called: this table
 * does not describe that one.
 */
import { betterSqlite3 } from "./better-sqlite3.js";
import type { TargetCapabilities } from "./capabilities.js";

/** The same options as better-sqlite3's build but for soundex() and Tcl variables. */
export const bunSqlite: TargetCapabilities = {
  ...betterSqlite3,
  driver: "bun:sqlite",
  sqliteVersion: "3.54.1",
  addedFunctions: betterSqlite3.addedFunctions.filter((f) => f.name !== "soundex"),
  tclVariables: true,
};

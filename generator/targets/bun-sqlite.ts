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
import type { TargetCapabilities } from "./capabilities.js";
import { fts3Functions, geopolyFunctions } from "./extension-functions.js";

export const bunSqlite: TargetCapabilities = {
  driver: "bun:sqlite",
  sqliteVersion: "3.54.1",
  addedFunctions: [
    // Present, but the generated runtime never enables extension loading: calls fail at run time as on the driver.
    { name: "load_extension", arities: [1, 2] },
    ...geopolyFunctions,
    ...fts3Functions,
  ],
  addedModules: ["fts3", "fts4", "fts4aux", "fts3tokenize", "geopoly"],
  missingFunctions: ["sqlite_offset"],
  missingTables: ["bytecode", "tables_used", "sqlite_stmt", "sqlite_dbpage"],
  updateDeleteLimit: true,
  tclVariables: true,
};

/**
 * better-sqlite3 12.x compiles its own SQLite (3.53) with the defines in
 * node_modules/better-sqlite3/deps/defines.gypi: SQLITE_SOUNDEX, ENABLE_FTS3/FTS4, ENABLE_GEOPOLY,
 * ENABLE_UPDATE_DELETE_LIMIT, OMIT_TCL_VARIABLE, and load_extension kept. The WASM build instead
 * has ENABLE_OFFSET_SQL_FUNC, ENABLE_BYTECODE_VTAB, ENABLE_STMTVTAB and ENABLE_DBPAGE_VTAB.
 * Found by comparing pragma_function_list, pragma_module_list and compile_options of both.
 */
import type { TargetCapabilities } from "./capabilities.js";
import { fts3Functions, geopolyFunctions } from "./extension-functions.js";

export const betterSqlite3: TargetCapabilities = {
  driver: "better-sqlite3",
  sqliteVersion: "3.53.2",
  addedFunctions: [
    { name: "soundex", arities: [1] },
    // Present, but the generated runtime never enables extension loading: calls fail at run time as on the driver.
    { name: "load_extension", arities: [1, 2] },
    ...geopolyFunctions,
    ...fts3Functions,
  ],
  addedModules: ["fts3", "fts4", "fts4aux", "fts3tokenize", "geopoly"],
  missingFunctions: ["sqlite_offset"],
  missingTables: ["bytecode", "tables_used", "sqlite_stmt", "sqlite_dbpage"],
  updateDeleteLimit: true,
  tclVariables: false,
};

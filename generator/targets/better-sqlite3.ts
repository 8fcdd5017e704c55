/**
 * better-sqlite3 12.x compiles its own SQLite (3.53) with the defines in
 * node_modules/better-sqlite3/deps/defines.gypi: SQLITE_SOUNDEX, ENABLE_FTS3/FTS4, ENABLE_GEOPOLY,
 * ENABLE_UPDATE_DELETE_LIMIT, OMIT_TCL_VARIABLE, and load_extension kept. The WASM build instead
 * has ENABLE_OFFSET_SQL_FUNC, ENABLE_BYTECODE_VTAB, ENABLE_STMTVTAB and ENABLE_DBPAGE_VTAB.
 * Found by comparing pragma_function_list, pragma_module_list and compile_options of both.
 */
import type { AddedFunction, TargetCapabilities } from "./capabilities.js";

export const geopolyFunctions: readonly AddedFunction[] = [
  { name: "geopoly_area", arities: [1] },
  { name: "geopoly_bbox", arities: [1] },
  { name: "geopoly_blob", arities: [1] },
  { name: "geopoly_ccw", arities: [1] },
  { name: "geopoly_contains_point", arities: [3] },
  { name: "geopoly_debug", arities: [1] },
  { name: "geopoly_group_bbox", arities: [1] },
  { name: "geopoly_json", arities: [1] },
  { name: "geopoly_overlap", arities: [2] },
  { name: "geopoly_regular", arities: [4] },
  { name: "geopoly_svg", arities: [-1] },
  { name: "geopoly_within", arities: [2] },
  { name: "geopoly_xform", arities: [7] },
];

export const fts3Functions: readonly AddedFunction[] = [
  { name: "matchinfo", arities: [1, 2] },
  { name: "offsets", arities: [1] },
  { name: "optimize", arities: [1] },
  { name: "fts3_tokenizer", arities: [1, 2] },
];

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

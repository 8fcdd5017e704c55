/**
 * node:sqlite (Node 22.16+ and 24) bundles SQLite 3.54.1 built with ENABLE_FTS3 (and its
 * parenthesis syntax), ENABLE_GEOPOLY and ENABLE_RBU, load_extension kept (disabled unless the
 * database is opened with `allowExtension`), no SOUNDEX and no UPDATE_DELETE_LIMIT; Tcl-style
 * parameters are kept. Node 24 adds ENABLE_PERCENTILE; Node 22 lacks it, so median() and the
 * percentile functions, which the WASM analysis build has, count as missing: generated code must
 * run on both. The WASM build has ENABLE_OFFSET_SQL_FUNC and the bytecode, stmt and dbpage
 * tables. Found by comparing pragma_function_list, pragma_module_list and compile_options of both
 * on Node 22 and 24; generator/test/targets-node-sqlite.test.ts checks it on both.
 */
import type { TargetCapabilities } from "./capabilities.js";
import { fts3Functions, geopolyFunctions } from "./extension-functions.js";

export const nodeSqlite: TargetCapabilities = {
  driver: "node:sqlite",
  sqliteVersion: "3.54.1",
  addedFunctions: [
    // Present, but extension loading is off unless the database is opened with `allowExtension`.
    { name: "load_extension", arities: [1, 2] },
    ...geopolyFunctions,
    ...fts3Functions,
  ],
  addedModules: ["fts3", "fts4", "fts4aux", "fts3tokenize", "geopoly"],
  missingFunctions: ["median", "percentile", "percentile_cont", "percentile_disc", "sqlite_offset"],
  missingTables: ["bytecode", "tables_used", "sqlite_stmt", "sqlite_dbpage"],
  updateDeleteLimit: false,
  tclVariables: true,
};

/**
 * Cloudflare D1 runs SQLite inside workerd (src/workerd/util/sqlite.c++), whose authorizer lets
 * through only the functions of an allowlist; SQLite is built with ENABLE_FTS5, ENABLE_RTREE,
 * ENABLE_MATH_FUNCTIONS, ENABLE_UPDATE_DELETE_LIMIT and DEFAULT_FOREIGN_KEYS. Against the WASM
 * analysis build it lacks SQLite's introspection functions (sqlite_version()…), the aliases outside
 * the allowlist (if, ceiling, power, log10…), percentile functions, rtree's checking and debugging
 * functions (this workerd refuses rtree tables too), the bytecode/dbstat/dbpage/stmt tables and
 * the pragma_* listings; it adds nothing callable. It also refuses BEGIN/SAVEPOINT, ATTACH, TEMP
 * objects, most pragmas and virtual tables other than fts5, at run time. Checked against
 * Miniflare's workerd by generator/test/d1/targets-d1.test.ts (which calls each function, since
 * D1 refuses pragma_function_list).
 */
import type { TargetCapabilities } from "./capabilities.js";

export const d1: TargetCapabilities = {
  driver: "D1",
  // workerd 1.20260730 (Miniflare 4.20260730) bundles 3.47.0: its binary's sqlite_source_id.
  sqliteVersion: "3.47.0",
  addedFunctions: [],
  addedModules: [],
  missingFunctions: [
    "ceiling",
    "fts5",
    "fts5_get_locale",
    "fts5_insttoken",
    "fts5_locale",
    "fts5_source_id",
    "if",
    "json_array_insert",
    "json_error_position",
    "json_pretty",
    "jsonb_array_insert",
    "log10",
    "median",
    "percentile",
    "percentile_cont",
    "percentile_disc",
    "power",
    "rtreecheck",
    "rtreedepth",
    "rtreenode",
    "sqlite_compileoption_get",
    "sqlite_compileoption_used",
    "sqlite_log",
    "sqlite_offset",
    "sqlite_source_id",
    "sqlite_version",
    "subtype",
    "unistr",
    "unistr_quote",
  ],
  missingTables: ["bytecode", "dbstat", "pragma_function_list", "pragma_module_list", "sqlite_dbpage", "sqlite_stmt", "tables_used"],
  updateDeleteLimit: true,
  tclVariables: true,
};

/**
 * sql.js 1.x compiles SQLite (3.54) to WebAssembly with FTS3/FTS4, math functions and its
 * extension-functions.c (string, math and statistics functions), load_extension omitted, and Tcl
 * variables kept. The analysis build instead has FTS5, R-Tree, dbstat, percentile, the
 * bytecode/stmt/dbpage tables and sqlite_offset(). Found by comparing pragma_function_list,
 * pragma_module_list and compile_options of both (verified by generator/test/targets-sql-js.test.ts).
 *
 * Not modelled: `CREATE VIRTUAL TABLE … USING fts5` or `rtree` in a schema is accepted by the
 * analysis and fails on sql.js (the table lists tables queried, not modules created); the
 * statistics functions below are aggregates on sql.js and stubs here (types are unknown either way).
 */
import type { AddedFunction, TargetCapabilities } from "./capabilities.js";

const one = (...names: string[]): AddedFunction[] => names.map((name) => ({ name, arities: [1] }));
const two = (...names: string[]): AddedFunction[] => names.map((name) => ({ name, arities: [2] }));

/** sql.js's extension-functions.c (math, string and, as aggregates, statistics). */
const extensionFunctions: readonly AddedFunction[] = [
  ...one("cot", "coth", "square", "proper", "reverse"),
  ...two("atn2", "difference", "leftstr", "rightstr", "padc", "padl", "padr", "replicate", "strfilter"),
  { name: "charindex", arities: [2, 3] },
  ...one("mode", "stdev", "variance", "lower_quartile", "upper_quartile"),
];

export const sqlJs: TargetCapabilities = {
  driver: "sql.js",
  sqliteVersion: "3.54.1",
  addedFunctions: [
    ...extensionFunctions,
    { name: "matchinfo", arities: [1, 2] },
    { name: "offsets", arities: [1] },
    { name: "optimize", arities: [1] },
    { name: "fts3_tokenizer", arities: [1, 2] },
  ],
  addedModules: ["fts3", "fts4", "fts4aux", "fts3tokenize"],
  missingFunctions: ["bm25", "fts5", "fts5_get_locale", "fts5_insttoken", "fts5_locale", "fts5_source_id", "highlight", "percentile", "percentile_cont", "percentile_disc", "rtreecheck", "rtreedepth", "rtreenode", "sqlite_offset"],
  missingTables: ["bytecode", "dbstat", "tables_used", "sqlite_stmt", "sqlite_dbpage"],
  updateDeleteLimit: false,
  tclVariables: true,
};

/** Modules the analysis has and sql.js lacks that can only be created in a schema (not modelled, see above). */
export const sqlJsMissingSchemaModules: readonly string[] = ["fts5", "fts5vocab", "rtree", "rtree_i32"];

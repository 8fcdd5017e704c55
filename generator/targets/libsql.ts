/**
 * libsql 0.5.x (and @libsql/client, which opens local files through it) bundles libSQL, the fork
 * of SQLite 3.45.1, built with SQLite3 Multiple Ciphers and its bundled extensions: FTS3/4,
 * geopoly, soundex, the extension-functions set (charindex, padl, stdev, …), regexp, sha3, uuid,
 * fileio, carray and generate_series, plus libSQL's vector functions. Being 3.45, it lacks what
 * later SQLite added (math functions log/2, pow, mod, trunc, log2; percentile; json_pretty; unistr;
 * if; fts5 locales) and what the WASM build enables (sqlite_offset, bytecode, tables_used). It has
 * no UPDATE/DELETE … LIMIT, keeps Tcl variables, and turns foreign keys ON by default. sqld (Turso)
 * runs the same fork. Found by comparing pragma_function_list, pragma_module_list and
 * compile_options of both; generator/test/targets.test.ts keeps this table true.
 */
import type { AddedFunction, TargetCapabilities } from "./capabilities.js";
import { fts3Functions, geopolyFunctions } from "./better-sqlite3.js";

/** Arity lists, compactly: `name: [arities]`. */
function added(table: Readonly<Record<string, readonly number[]>>): AddedFunction[] {
  return Object.entries(table).map(([name, arities]) => ({ name, arities }));
}

/** SQLite3 Multiple Ciphers' bundled extensions (extension-functions, regexp, sha3, uuid, fileio) and its own. */
const multipleCiphers = added({
  atn2: [2], charindex: [2, 3], cot: [1], coth: [1], difference: [2], leftstr: [2], lower_quartile: [1], mode: [1], padc: [2], padl: [2], padr: [2],
  proper: [1], replicate: [2], reverse: [1], rightstr: [2], square: [1], stdev: [1], strfilter: [2], upper_quartile: [1], variance: [1],
  regexp: [2], regexpi: [2], sha3: [1, 2], sha3_query: [1, 2], uuid: [0], uuid_blob: [1], uuid_str: [1], readfile: [1], writefile: [-1], lsmode: [1],
  sqlite3mc_codec_data: [1, 2], sqlite3mc_config: [1, 2, 3], sqlite3mc_config_table: [0], sqlite3mc_version: [0], sqlite_crypt: [2],
});

/** libSQL's own: vectors and the rows-affected helper. */
const libsqlOwn = added({
  last_rows_affected: [0], libsql_vector_idx: [-1], vector: [1], vector8: [1], vector16: [1], vector32: [1], vector64: [1], vectorb16: [1], vector1bit: [1],
  vector_distance_cos: [2], vector_distance_l2: [2], vector_extract: [1],
});

export const libsql: TargetCapabilities = {
  driver: "libsql",
  sqliteVersion: "3.45.1",
  addedFunctions: [
    { name: "soundex", arities: [1] },
    // Present, but the generated runtime never enables extension loading: calls fail at run time as on the driver.
    { name: "load_extension", arities: [1, 2] },
    ...geopolyFunctions,
    ...fts3Functions,
    ...multipleCiphers,
    ...libsqlOwn,
  ],
  addedModules: ["fts3", "fts4", "fts4aux", "fts3tokenize", "geopoly"],
  missingFunctions: [
    "fts5_get_locale", "fts5_insttoken", "fts5_locale", "if", "json_array_insert", "json_pretty", "jsonb_array_insert", "log2", "mod",
    "percentile", "percentile_cont", "percentile_disc", "pow", "sqlite_offset", "trunc", "unistr", "unistr_quote",
  ],
  missingTables: ["bytecode", "tables_used"],
  updateDeleteLimit: false,
  tclVariables: true,
};

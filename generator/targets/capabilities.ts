/**
 * What the SQLite inside each target driver has that the analysis build (SQLite's WASM build)
 * lacks, and the reverse. The analysis is configured from this table so that a query `gen`
 * accepts prepares on the driver, and one it rejects would fail there too. Each entry is checked
 * against the real driver by generator/test/targets.test.ts.
 */
export interface AddedFunction {
  readonly name: string;
  /** Argument counts the driver accepts (-1: any). */
  readonly arities: readonly number[];
}

/** Virtual-table modules the analysis build can stand in for (see sqlite/stand-in-modules.ts). */
export type StandInModule = "fts3" | "fts4" | "fts4aux" | "fts3tokenize" | "geopoly";

export interface TargetCapabilities {
  /** The driver's name, for messages. */
  readonly driver: string;
  /** The SQLite version the driver bundles. */
  readonly sqliteVersion: string;
  /** Functions the driver has and the analysis lacks: registered as stubs so statements prepare. */
  readonly addedFunctions: readonly AddedFunction[];
  /** Modules the driver has and the analysis lacks: stood in for by a module declaring the same columns. */
  readonly addedModules: readonly StandInModule[];
  /** Functions the analysis has and the driver lacks: calling one is an error naming the driver. */
  readonly missingFunctions: readonly string[];
  /** Table-valued functions and eponymous virtual tables the analysis has and the driver lacks. */
  readonly missingTables: readonly string[];
  /** `UPDATE … ORDER BY … LIMIT` and `DELETE … ORDER BY … LIMIT` (SQLITE_ENABLE_UPDATE_DELETE_LIMIT). */
  readonly updateDeleteLimit: boolean;
  /** Tcl-style parameters `$a::b`, `$a(b)` (absent with SQLITE_OMIT_TCL_VARIABLE). */
  readonly tclVariables: boolean;
}

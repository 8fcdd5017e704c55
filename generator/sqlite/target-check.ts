/**
 * After the analysis build accepted a statement: would the target driver's SQLite accept it?
 * Decided from what SQLite's authorizer saw the statement use and from the parameter names
 * SQLite parsed, never from the statement's text alone.
 */
import type { TargetCapabilities } from "../targets/capabilities.js";
import type { SqliteError } from "./analysis-db.js";
import type { UsageLog } from "./target-setup.js";

export function unsupportedOnTarget(
  target: TargetCapabilities,
  sql: string,
  usage: UsageLog,
  parameterNames: readonly (string | null)[],
  isUserObject: (name: string) => boolean,
): SqliteError | null {
  const missingOn = target.driver;
  // The driver's own words for each, so the message reads as it would at run time.
  const fn = target.missingFunctions.find((f) => usage.functions.has(f));
  if (fn !== undefined) return { message: `no such function: ${fn}`, byteOffset: -1, missingOn };
  const table = target.missingTables.find((t) => usage.tables.has(t) && !isUserObject(t));
  if (table !== undefined) return { message: `no such table: ${table}`, byteOffset: -1, missingOn };
  if (!target.tclVariables) {
    const tcl = parameterNames.find((n) => n !== null && n.startsWith("$") && /::|\(/.test(n));
    if (tcl != null) {
      const at = sql.indexOf(tcl);
      const colon = tcl.indexOf("::");
      const cut = colon >= 0 ? colon : tcl.indexOf("(");
      const message = colon >= 0 ? 'unrecognized token: ":"' : 'near "(": syntax error';
      return { message, byteOffset: at < 0 ? -1 : new TextEncoder().encode(sql.slice(0, at + cut)).length, missingOn };
    }
  }
  return null;
}

/**
 * A driver's limit on bound variables per statement, checked at generation time for the
 * placeholders a query always has. Lists (`sqlc.slice`) add their length at run time, where the
 * runtime throws a RangeError naming the same limit. And what else a driver cannot do with values.
 */
import type { DiagnosticBag } from "../diagnostics/diagnostic.js";
import type { ModuleIR } from "../ir/query-ir.js";
import type { DriverProfile } from "../targets/drivers.js";
import type { TypeOption } from "../config/type-options.js";

export function checkVariableLimits(modules: readonly ModuleIR[], driver: DriverProfile, bag: DiagnosticBag): void {
  for (const q of modules.flatMap((m) => m.queries)) {
    const fixed = q.sql.filter((part) => part.kind === "value").length;
    if (fixed <= driver.maxVariables) continue;
    bag.report("SG407", `query "${q.name}" binds ${fixed} variables; ${driver.name} allows at most ${driver.maxVariables} per statement`, q.file, q.nameSpan, [
      "Split the statement, or pass many values as one JSON text (json_each(?)) or one sqlc.slice list.",
    ]);
  }
}

/** `bigint` type options need a driver that reads a statement's integers as bigint. */
export function checkBigintSupport(options: readonly TypeOption[], driver: DriverProfile, bag: DiagnosticBag): void {
  if (driver.noBigints === null) return;
  for (const o of options.filter((x) => x.mapping?.kind === "bigint")) {
    bag.report("SG408", `type option "${o.target}" asks for bigint, which ${driver.name} cannot read exactly: ${driver.noBigints}`, o.at?.file ?? null, o.at?.span ?? null, [
      "Keep the column a number (exact up to 2^53), store it as text, or use a driver that reads bigints (better-sqlite3, node:sqlite, bun:sqlite, sql.js, libsql).",
    ]);
  }
}

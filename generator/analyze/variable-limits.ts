/**
 * A driver's limit on bound variables per statement, checked at generation time for the
 * placeholders a query always has. Lists (`sqlc.slice`) add their length at run time, where the
 * runtime throws a RangeError naming the same limit.
 */
import type { DiagnosticBag } from "../diagnostics/diagnostic.js";
import type { ModuleIR } from "../ir/query-ir.js";
import type { DriverProfile } from "../targets/drivers.js";

export function checkVariableLimits(modules: readonly ModuleIR[], driver: DriverProfile, bag: DiagnosticBag): void {
  for (const q of modules.flatMap((m) => m.queries)) {
    const fixed = q.sql.filter((part) => part.kind === "value").length;
    if (fixed <= driver.maxVariables) continue;
    bag.report("SG407", `query "${q.name}" binds ${fixed} variables; ${driver.name} allows at most ${driver.maxVariables} per statement`, q.file, q.nameSpan, [
      "Split the statement, or pass many values as one JSON text (json_each(?)) or one sqlc.slice list.",
    ]);
  }
}

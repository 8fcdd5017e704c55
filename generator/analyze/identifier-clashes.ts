/**
 * Generated modules are re-exported together from index.ts, and each imports the runtime: every
 * generated identifier must be unique across queries, models and the runtime's exports.
 */
import type { DiagnosticBag } from "../diagnostics/diagnostic.js";
import type { ModelIR, ModuleIR } from "../ir/query-ir.js";
import { queryIdentifiers } from "../ir/naming.js";

/** What generated/db.ts exports (generator/runtime/db.ts). */
export const runtimeExports = ["PlainQuery", "SliceQuery", "checkParameters", "endIterators", "immediate", "MAX_VARIABLES", "Database", "Statement", "RunResult", "ExecResult", "ParamKind", "ParamKinds", "SqlParts"];

export function checkIdentifierClashes(modules: readonly ModuleIR[], models: readonly ModelIR[], bag: DiagnosticBag): void {
  const owner = new Map<string, string>(runtimeExports.map((name) => [name, "sqlgen's runtime (db.ts)"]));
  for (const m of models) {
    const other = owner.get(m.name);
    if (other !== undefined) bag.report("SG207", `table "${m.table}" becomes the model ${m.name}, a name ${other} already uses`, null, null, ["Rename the table, or report this clash."]);
    owner.set(m.name, `table "${m.table}"`);
  }
  for (const q of modules.flatMap((m) => m.queries)) {
    for (const identifier of Object.values(queryIdentifiers(q.name))) {
      const other = owner.get(identifier);
      if (other !== undefined) {
        bag.report("SG207", `query "${q.name}" generates ${identifier}, a name ${other} already uses`, q.file, q.headerSpan, ["Rename the query."]);
      }
      owner.set(identifier, `query "${q.name}"`);
    }
  }
}

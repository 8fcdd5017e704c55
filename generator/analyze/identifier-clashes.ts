/**
 * Generated modules are re-exported together from index.ts, and each imports the runtime: every
 * generated identifier must be unique across queries, models and the runtime's exports, and no
 * function may be named with a reserved word.
 */
import { runtimeExports } from "../targets/drivers.js";
import type { DiagnosticBag } from "../diagnostics/diagnostic.js";
import type { ModelIR, ModuleIR } from "../ir/query-ir.js";
import { isReservedWord } from "./naming.js";
import { schemaModuleExports } from "../emit/schema-module.js";

export function checkIdentifierClashes(modules: readonly ModuleIR[], models: readonly ModelIR[], bag: DiagnosticBag): void {
  const owner = new Map<string, string>([...runtimeExports.map((name): [string, string] => [name, "sqlgen's runtime (db.ts)"]), ...schemaModuleExports.map((name): [string, string] => [name, "schema.ts"])]);
  for (const m of models) {
    const other = owner.get(m.name);
    if (other !== undefined) bag.report("SG207", `table "${m.table}" becomes the model ${m.name}, a name ${other} already uses`, m.source?.file ?? null, m.source?.span ?? null, ["Rename the table."]);
    owner.set(m.name, `table "${m.table}"`);
  }
  for (const q of modules.flatMap((m) => m.queries)) {
    if (isReservedWord(q.identifiers.fn)) {
      bag.report("SG208", `query "${q.name}" would generate a function named ${q.identifiers.fn}, a reserved word in JavaScript`, q.file, q.nameSpan, [
        `Rename the query, e.g. "${q.name}Query" or a verb phrase such as "Get${q.name[0].toUpperCase()}${q.name.slice(1)}".`,
      ]);
    }
    // One error per other owner, however many of the query's identifiers it already uses.
    const clashes = new Map<string, string[]>();
    for (const identifier of new Set(Object.values(q.identifiers))) {
      const other = owner.get(identifier);
      if (other !== undefined) clashes.set(other, [...(clashes.get(other) ?? []), identifier]);
      owner.set(identifier, `query "${q.name}"`);
    }
    for (const [other, identifiers] of clashes) {
      bag.report("SG207", `query "${q.name}" generates ${identifiers.join(", ")}, ${identifiers.length === 1 ? "a name" : "names"} ${other} already uses`, q.file, q.nameSpan, ["Rename the query."]);
    }
  }
}

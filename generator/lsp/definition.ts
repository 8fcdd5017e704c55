/** Go to definition: a table, view or column to where the schema defines it. */
import { assertNever } from "../parse/ast.js";
import type { Target } from "./locate.js";
import type { Definition } from "./schema-index.js";
import type { Analysis } from "./workspace.js";

export function definitionOf(analysis: Analysis, target: Target): Definition | null {
  switch (target.kind) {
    case "table":
      return target.table;
    case "column":
      return target.column;
    case "result": {
      // A result column read straight from a table leads to that table's column.
      const { table, column } = target.column;
      if (table === null) return null;
      const def = analysis.tables.get(table.toLowerCase());
      return (column === null ? undefined : def?.columns.get(column.toLowerCase())) ?? def ?? null;
    }
    case "header":
    case "param":
      return null;
    default:
      return assertNever(target);
  }
}

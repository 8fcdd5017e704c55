/**
 * The shape of what a query returns: one value when the result has one column (as sqlc does), an
 * object otherwise (typed by a table's model when it is exactly that model), and whether a row is
 * certain, so that `:one` need not say `| undefined`.
 */
import type { ColumnIR, Command, ModelIR, ResultIR, RowField, ValueType } from "../ir/query-ir.js";
import type { Statement } from "../parse/ast.js";
import type { Catalog } from "../schema/catalog.js";
import { aggregatesWithoutGroup } from "./aggregates.js";

export function resultShape(command: Command, columns: readonly ColumnIR[], fields: readonly RowField[], always: boolean, models: readonly ModelIR[]): ResultIR {
  if (command !== "one" && command !== "many") return { kind: "none" };
  if (fields.length === 1 && fields[0].kind === "column") return { kind: "scalar", type: fields[0].type, always };
  return { kind: "row", fields, model: sameAsModel(columns, fields, models), always };
}

/** Whether the statement returns exactly one row, whatever the data. */
export function alwaysOneRow(s: Statement, catalog: Catalog): boolean {
  switch (s.kind) {
    case "select": {
      const core = s.body;
      if (core.kind !== "core" || s.limit !== null || s.offset !== null || core.having !== null || core.groupBy.length > 0) return false;
      // An aggregate without GROUP BY makes one row of any input; a SELECT without FROM or WHERE one of none.
      return aggregatesWithoutGroup(core) || (core.from === null && core.where === null);
    }
    case "insert":
      // One VALUES row is inserted, or the statement fails: unless OR IGNORE, DO NOTHING or a DO UPDATE … WHERE skips it.
      return (
        s.rows.length === 1 &&
        s.select === null &&
        s.orAction !== "ignore" &&
        s.upserts.every((u) => !u.nothing && u.updateWhere === null) &&
        catalog.table(s.table)?.kind === "table"
      );
    case "update":
    case "delete":
    case "other":
      return false;
  }
}

/**
 * The model a row is exactly: every column read from the same table, in the model's order, with its
 * field names and types (nullability included; a WHERE proof that narrows one makes it another type).
 */
function sameAsModel(columns: readonly ColumnIR[], fields: readonly RowField[], models: readonly ModelIR[]): string | null {
  const table = columns[0]?.table?.toLowerCase();
  if (table === undefined || columns.some((c) => c.table?.toLowerCase() !== table)) return null;
  const model = models.find((m) => m.table.toLowerCase() === table);
  if (model === undefined || model.fields.length !== fields.length) return null;
  const same = fields.every((f, i) => {
    const m = model.fields[i];
    return f.kind === "column" && f.field === m.field && columns[f.index].column?.toLowerCase() === m.column.toLowerCase() && sameType(f.type, m.type);
  });
  return same ? model.name : null;
}

/**
 * Field by field, so that whatever a ValueType carries (nullability, options) must agree; but not
 * `why`, which explains nullability to people and does not change the type.
 */
function sameType(a: ValueType, b: ValueType): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((k) => k !== "why")) as Set<keyof ValueType>;
  return [...keys].every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

/**
 * Result columns: SQLite says how many there are, their names, and where plain references come
 * from (origin table/column, declared type); the AST says what expressions and outer joins do to
 * type and nullability. Also groups `sqlc.embed` columns into nested objects.
 */
import { withNullable } from "./value-type.js";
import type { DiagnosticBag, Span } from "../diagnostics/diagnostic.js";
import type { ColumnIR, RowField, ValueType } from "../ir/query-ir.js";
import { camelCase, FieldNames, modelFields, pascalCase, sanitizeName } from "./naming.js";
import { tsTypeOfDeclared } from "./type-map.js";
import { findColumn, type Catalog } from "../schema/catalog.js";
import type { ColumnMetadata } from "../sqlite/analysis-db.js";
import type { OutputColumn } from "./relations.js";

export interface ColumnsResult {
  readonly columns: ColumnIR[];
  readonly row: RowField[];
}

export function buildColumns(meta: readonly ColumnMetadata[], inferred: readonly OutputColumn[] | null, catalog: Catalog, file: string, statementSpan: Span, bag: DiagnosticBag): ColumnsResult {
  const ast = inferred !== null && inferred.length === meta.length ? inferred : null;
  const columns = meta.map((m, i): ColumnIR => {
    const a = ast?.[i];
    const ts = m.declType !== null ? tsTypeOfDeclared(m.declType) : (a?.type.ts ?? "unknown");
    // SQLite's declared type decides the storage class; the analysis adds nullability, its reason, and the column's mapping and brand.
    const type: ValueType = a ? (a.type.ts === ts ? withNullable(a.type, a.type.nullable, a.type.why) : { ts, nullable: a.type.nullable, why: a.type.why }) : originType(ts, catalog, m);
    if (ts === "unknown") {
      const why = a?.unknownFunction
        ? `${a.unknownFunction}() is not a SQLite built-in, so its result type is unknown.`
        : m.declType === null && m.table !== null
          ? `Column ${m.table}.${m.origin} has no declared type.`
          : "Neither SQLite nor sqlgen can tell this expression's type.";
      bag.report("SG501", `cannot infer the type of result column "${m.name}"`, file, a?.span ?? statementSpan, [
        why,
        `It is typed \`unknown\`. Wrap it in CAST(… AS TEXT) (or INTEGER, REAL, BLOB) to give it a type.`,
      ]);
    }
    return { name: m.name, type, table: m.table, column: m.origin };
  });
  return { columns, row: rowFields(columns, ast, file, bag) };
}

/** Where the AST cannot tell (an unparsed statement shape), the origin column SQLite names decides. */
function originType(ts: ValueType["ts"], catalog: Catalog, m: ColumnMetadata): ValueType {
  return originNotNull(catalog, m) ? { ts, nullable: false, why: "column declared NOT NULL" } : { ts, nullable: true, why: m.origin === null ? "an expression sqlgen cannot trace" : "column has no NOT NULL" };
}

function originNotNull(catalog: Catalog, m: ColumnMetadata): boolean {
  if (m.table === null || m.origin === null) return false;
  const table = catalog.table(m.table);
  return table !== undefined && (findColumn(table, m.origin)?.notNull ?? false);
}

function rowFields(columns: readonly ColumnIR[], ast: readonly OutputColumn[] | null, file: string, bag: DiagnosticBag): RowField[] {
  const names = new FieldNames();
  const fields: RowField[] = [];
  for (let i = 0; i < columns.length; i++) {
    const embed = ast?.[i].embed ?? null;
    if (embed === null) {
      fields.push({ kind: "column", field: names.field(sanitizeName(columns[i].name, `column_${i + 1}`)), index: i, type: columns[i].type });
      continue;
    }
    let end = i;
    while (end + 1 < columns.length && ast?.[end + 1].embed === embed) end++;
    const table = embed.table;
    if (table === null || table.kind === "view") {
      bag.report("SG503", `sqlc.embed(${embed.name}) needs a table`, file, ast![i].span, ["Embed a table of the schema; select the columns of a CTE, view or subquery one by one."]);
    } else {
      // Inside the object, values have the table's own nullability: the outer join only decides
      // whether there is an object at all.
      // Field names are the model's, so the object is typed by the model interface.
      const visible = table.columns.filter((c) => !c.hidden);
      const modelField = new Map(modelFields(visible.map((c) => c.name)).map((f, k) => [visible[k].name.toLowerCase(), f]));
      const groupColumns = columns.slice(i, end + 1);
      const group = groupColumns.map((c, k) => ({
        field: modelField.get((c.column ?? c.name).toLowerCase()) ?? camelCase(c.name),
        index: i + k,
        type: withNullable(c.type, !(findColumn(table, c.column ?? c.name)?.notNull ?? false)),
      }));
      const presence = visible.find((c) => c.notNull)?.name.toLowerCase();
      fields.push({
        kind: "embed",
        field: names.field(embed.name),
        model: pascalCase(table.name),
        nullable: embed.nullable,
        presenceIndex: embed.nullable ? i + Math.max(0, groupColumns.findIndex((c) => (c.column ?? c.name).toLowerCase() === presence)) : null,
        fields: group,
      });
    }
    i = end;
  }
  return fields;
}

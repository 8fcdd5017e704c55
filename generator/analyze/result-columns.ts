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
import { expressionName } from "./column-names.js";

export interface ColumnsResult {
  readonly columns: ColumnIR[];
  readonly fields: RowField[];
}

/** `returnsRows`: the command returns rows (`:one`, `:many`); where they are objects, made-up field names are reported. */
export function buildColumns(meta: readonly ColumnMetadata[], inferred: readonly OutputColumn[] | null, catalog: Catalog, file: string, statementSpan: Span, returnsRows: boolean, bag: DiagnosticBag): ColumnsResult {
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
  const asRow = returnsRows && (columns.length > 1 || ast?.[0]?.embed != null);
  return { columns, fields: rowFields(columns, ast, file, bag, asRow) };
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

/** `shown`: the fields are a row object's (not one value), so made-up names are reported. */
function rowFields(columns: readonly ColumnIR[], ast: readonly OutputColumn[] | null, file: string, bag: DiagnosticBag, shown: boolean): RowField[] {
  const names = new FieldNames();
  const fields: RowField[] = [];
  const embeds = embedCounts(ast);
  for (let i = 0; i < columns.length; i++) {
    const embed = ast?.[i].embed ?? null;
    if (embed === null) {
      fields.push({ kind: "column", field: names.field(columnName(columns[i], ast?.[i] ?? null, i, file, shown ? bag : null)), index: i, type: columns[i].type });
      continue;
    }
    let end = i;
    while (end + 1 < columns.length && ast?.[end + 1].embed === embed) end++;
    const table = embed.relation.table;
    if (table === null || table.kind === "view") {
      bag.report("SG503", `sqlc.embed(${embed.relation.name}) needs a table`, file, ast![i].span, ["Embed a table of the schema; select the columns of a CTE, view or subquery one by one."]);
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
      // Named after the table's model, as sqlc does; after the alias when the table is embedded twice.
      const field = embed.alias ?? ((embeds.get(table.name.toLowerCase()) ?? 0) > 1 ? embed.relation.name : table.name);
      fields.push({
        kind: "embed",
        field: names.field(field),
        model: pascalCase(table.name),
        nullable: embed.relation.nullable,
        presenceIndex: embed.relation.nullable ? i + Math.max(0, groupColumns.findIndex((c) => (c.column ?? c.name).toLowerCase() === presence)) : null,
        fields: group,
      });
    }
    i = end;
  }
  return fields;
}

/** How many times each table is embedded. */
function embedCounts(ast: readonly OutputColumn[] | null): Map<string, number> {
  const groups = new Set((ast ?? []).flatMap((c) => (c.embed === null ? [] : [c.embed])));
  const counts = new Map<string, number>();
  for (const g of groups) {
    const name = g.relation.table?.name.toLowerCase();
    if (name !== undefined) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

/** The SQL-level name of column `i`: SQLite's for references and aliases, sqlc's for expressions (reported when made up). */
function columnName(c: ColumnIR, a: OutputColumn | null, i: number, file: string, bag: DiagnosticBag | null): string {
  if (a?.unaliased == null) return sanitizeName(c.name, `column_${i + 1}`);
  const named = expressionName(a.unaliased, i + 1);
  if (!named.fromColumn) {
    bag?.report("SG504", `result column ${i + 1} is an expression without a name: its field is "${camelCase(named.name)}"`, file, a.unaliased.span, [
      "Name it with AS (`… AS what_it_holds`): a made-up name says little, and `column_N` changes when the select list does.",
    ]);
  }
  return named.name;
}

/**
 * The intermediate representation: everything emit/ needs, typed once, with no SQL syntax
 * left to interpret. Built by analyze/, read by emit/ and by `gen describe`.
 */

export type Command = "one" | "many" | "exec" | "execrows" | "execlastid" | "execresult";

/** TypeScript types a value can have; `| null` is carried separately in `nullable`. */
export type TsType = "number" | "string" | "boolean" | "Uint8Array" | "unknown";

export interface ValueType {
  readonly ts: TsType;
  readonly nullable: boolean;
  /** What the stored value becomes in TypeScript, when more than its storage class (see TypeMapping). */
  readonly mapping?: TypeMapping;
  /** A nominal type for the column's values, shared along foreign keys. */
  readonly brand?: Brand;
  /**
   * Why it is (or is not) nullable, for people: "right side of LEFT JOIN `folders f`", "column
   * declared NOT NULL". Shown by hover and `describe`; generated code does not depend on it.
   */
  readonly why?: string;
}

/**
 * A column's values as the user asked to see them (sqlgen.json "types") or as its CHECK allows.
 * Conversions happen in generated code, only for columns that have one.
 */
export type TypeMapping =
  /** Read and bound as bigint (the driver's safe-integer mode for the statement). */
  | { readonly kind: "bigint" }
  /** A Date, stored as ISO-8601 text or as unix seconds/milliseconds. */
  | { readonly kind: "date"; readonly encoding: DateEncoding }
  /** Parsed JSON text, typed as an imported type (or `unknown`). SQL NULL stays null and is never stringified. */
  | { readonly kind: "json"; readonly type: ImportedType | null }
  /** `CHECK (col IN (…))`: a union of the literals. */
  | { readonly kind: "literals"; readonly values: readonly (string | number)[] };

/** How a date is stored: ISO-8601 text, SQLite's `YYYY-MM-DD HH:MM:SS.SSS` text, unix seconds or milliseconds. */
export type DateEncoding = "iso" | "sqlite" | "unixepoch" | "unixepoch-ms";

/** A type named in the user's code: `import type { name } from "from"` in generated files. */
export interface ImportedType {
  readonly name: string;
  readonly from: string;
}

export interface Brand {
  /** The type's name in models.ts, e.g. `WorkspaceId`. */
  readonly name: string;
  /** The column it belongs to, e.g. `workspaces.id`: the brand's tag. */
  readonly column: string;
}

export interface ParamIR {
  /** SQL-level name (`workspace_id`), unique within the query. */
  readonly name: string;
  /** TypeScript field of the params object (`workspaceId`). */
  readonly field: string;
  readonly type: ValueType;
  /** A `sqlc.slice`: the field is an array of `type`, bound as one placeholder per item. */
  readonly list: boolean;
  /** The table column the parameter's type comes from (stored in, compared with), if one: sqlc's column overrides apply. */
  readonly column: ColumnOrigin | null;
}

export interface ColumnOrigin {
  readonly table: string;
  readonly column: string;
}

export interface ColumnIR {
  /** Name SQLite gives the result column. */
  readonly name: string;
  readonly type: ValueType;
  readonly table: string | null;
  readonly column: string | null;
}

/**
 * What a `:one`/`:many` query returns per row, shaped like its SQL: the value itself when the
 * result has one column (as sqlc does), else an object; `none` for the other commands. `always`:
 * the statement returns exactly one row whatever the data (an aggregate without GROUP BY, INSERT …
 * VALUES … RETURNING of one row), so `:one` returns it without `| undefined`.
 */
export type ResultIR =
  | { readonly kind: "none" }
  | { readonly kind: "scalar"; readonly type: ValueType; readonly always: boolean }
  | {
      readonly kind: "row";
      readonly fields: readonly RowField[];
      /** The model (interface in models.ts) the row is exactly: same fields, types and order. */
      readonly model: string | null;
      readonly always: boolean;
    };

/** How a row object is built from the columns SQLite returns (by index). */
export type RowField =
  | { readonly kind: "column"; readonly field: string; readonly index: number; readonly type: ValueType }
  | {
      readonly kind: "embed";
      readonly field: string;
      /** Interface name in models.ts. */
      readonly model: string;
      /** The embedded table sits on the nullable side of an outer join: the object may be null. */
      readonly nullable: boolean;
      /** When nullable: index of a column that is NULL exactly when there is no row. */
      readonly presenceIndex: number | null;
      readonly fields: readonly { readonly field: string; readonly index: number; readonly type: ValueType }[];
    };

/**
 * The SQL to run, as text and placeholders. `value` is one `?` bound to a parameter, `list` one
 * `?` per item of a `sqlc.slice` list. The order of placeholders is the order of binding: it is
 * fixed here, at generation time, and never shifted at run time.
 */
export type SqlPart =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "value"; readonly param: number }
  | { readonly kind: "list"; readonly param: number };

/** The TypeScript identifiers generated for one query. */
export interface QueryIdentifiers {
  /** The function, e.g. `getHttp`; `:many` queries also get `iterate`. */
  readonly fn: string;
  readonly iterate: string;
  readonly params: string;
  readonly row: string;
  readonly sql: string;
  readonly statement: string;
  readonly mapper: string;
}

export interface QueryIR {
  readonly name: string;
  readonly command: Command;
  /** Source file, 1-based line and span of the header. */
  readonly file: string;
  readonly line: number;
  readonly headerSpan: { readonly start: number; readonly end: number };
  /** Span of the name in the header. */
  readonly nameSpan: { readonly start: number; readonly end: number };
  readonly docs: readonly string[];
  readonly identifiers: QueryIdentifiers;
  /** The statement as written. */
  readonly sourceSql: string;
  /** The statement as run. */
  readonly sql: readonly SqlPart[];
  /** Parameters in SQLite's order (`?NNN` by number, others by first appearance). */
  readonly params: readonly ParamIR[];
  readonly columns: readonly ColumnIR[];
  readonly result: ResultIR;
  /**
   * `:execlastid` into a table whose INTEGER PRIMARY KEY has a mapping or brand: the type of the id
   * returned (a bigint id is read exactly). Null otherwise: the id is a number.
   */
  readonly lastId: ValueType | null;
  /** SQLite's query plan (EXPLAIN QUERY PLAN details), slices planned with two items. */
  readonly plan: readonly string[];
}

export interface ModelIR {
  readonly table: string;
  readonly name: string;
  /** Where the table is created: schema file and span, when known. */
  readonly source: { readonly file: string; readonly span: { readonly start: number; readonly end: number } } | null;
  /** Indexes of the table (documentation: what queries can search by). */
  readonly indexes: readonly { readonly name: string; readonly columns: readonly string[]; readonly unique: boolean; readonly partial: boolean }[];
  readonly fields: readonly {
    readonly column: string;
    readonly field: string;
    readonly type: ValueType;
    /** The foreign key this column belongs to, if any. */
    readonly references: { readonly table: string; readonly column: string; readonly onDelete: string } | null;
  }[];
}

export interface ModuleIR {
  /** Query file this module comes from, e.g. `queries/http.sql`. */
  readonly source: string;
  /** Output file name, e.g. `http.ts`. */
  readonly fileName: string;
  readonly queries: readonly QueryIR[];
}

/** One schema file as a migration: its "up" statements, in order (see schema/migrations.ts). */
export interface MigrationIR {
  readonly file: string;
  readonly statements: readonly string[];
}

export interface ProgramIR {
  readonly schemaSources: readonly string[];
  /** Branded types, declared in models.ts: each over its column's own type (mapping included). */
  readonly brands: readonly { readonly brand: Brand; readonly base: ValueType }[];
  readonly models: readonly ModelIR[];
  readonly modules: readonly ModuleIR[];
  readonly migrations: readonly MigrationIR[];
}

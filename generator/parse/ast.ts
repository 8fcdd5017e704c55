/**
 * sqlgen's own syntax tree: the subset of SQLite's grammar that analysis reasons about.
 * Built by the parser (parse-statement.ts); anything analysis need not understand becomes an
 * `unknown` node. Spans are file offsets.
 */
import type { Span } from "../diagnostics/diagnostic.js";

export type Expr =
  | ColumnRef
  | ParamRef
  | Literal
  | Unary
  | Binary
  | RowValue
  | InList
  | InSelect
  | Between
  | NullTest
  | Exists
  | Subquery
  | Call
  | Cast
  | Case
  | UnknownExpr;

export interface ColumnRef { readonly kind: "column"; readonly table: string | null; readonly column: string; readonly span: Span }
/** A placeholder or macro; `occurrence` indexes ParsedStatement.params. */
export interface ParamRef { readonly kind: "param"; readonly occurrence: number; readonly span: Span }
export interface Literal {
  readonly kind: "literal";
  readonly literal: "null" | "integer" | "real" | "string" | "blob" | "boolean";
  /** The literal as written (`0`, `'now'`). */
  readonly text: string;
  readonly span: Span;
}
export interface Unary { readonly kind: "unary"; readonly op: "-" | "+" | "~" | "not" | "collate"; readonly operand: Expr; readonly span: Span }
/** `op` is lower case: "=", "<>", "and", "is", "is not", "like", "not like", "||", "->>", … */
export interface Binary { readonly kind: "binary"; readonly op: string; readonly left: Expr; readonly right: Expr; readonly span: Span }
export interface RowValue { readonly kind: "row"; readonly items: readonly Expr[]; readonly span: Span }
export interface InList { readonly kind: "in_list"; readonly not: boolean; readonly left: Expr; readonly items: readonly Expr[]; readonly span: Span }
export interface InSelect { readonly kind: "in_select"; readonly not: boolean; readonly left: Expr; readonly select: Select; readonly span: Span }
export interface Between { readonly kind: "between"; readonly not: boolean; readonly left: Expr; readonly low: Expr; readonly high: Expr; readonly span: Span }
export interface NullTest { readonly kind: "null_test"; readonly not: boolean; readonly operand: Expr; readonly span: Span }
export interface Exists { readonly kind: "exists"; readonly select: Select; readonly span: Span }
export interface Subquery { readonly kind: "subquery"; readonly select: Select; readonly span: Span }
export interface Call {
  readonly kind: "call";
  /** Lower case. */
  readonly name: string;
  readonly args: readonly Expr[];
  readonly star: boolean;
  readonly window: boolean;
  readonly span: Span;
}
export interface Cast { readonly kind: "cast"; readonly operand: Expr; readonly typeName: string; readonly span: Span }
export interface Case {
  readonly kind: "case";
  readonly operand: Expr | null;
  readonly whens: readonly { readonly when: Expr; readonly then: Expr }[];
  readonly otherwise: Expr | null;
  readonly span: Span;
}
export interface UnknownExpr { readonly kind: "unknown"; readonly span: Span }

export type ResultColumn =
  | { readonly kind: "star"; readonly span: Span }
  | { readonly kind: "table_star"; readonly table: string; readonly span: Span }
  | { readonly kind: "expr"; readonly expr: Expr; readonly alias: string | null; readonly span: Span }
  /** `sqlc.embed(t)`: t's columns, returned as one nested object; `sqlc.embed(t) AS name` names its field. */
  | { readonly kind: "embed"; readonly table: string; readonly alias: string | null; readonly span: Span };

export type FromItem =
  | { readonly kind: "table"; readonly name: string; readonly alias: string | null; readonly span: Span }
  | { readonly kind: "table_function"; readonly name: string; readonly args: readonly Expr[]; readonly alias: string | null; readonly span: Span }
  | { readonly kind: "subquery"; readonly select: Select; readonly alias: string | null; readonly span: Span }
  | {
      readonly kind: "join";
      readonly op: "inner" | "left" | "right" | "full" | "cross";
      readonly natural: boolean;
      readonly left: FromItem;
      readonly right: FromItem;
      readonly on: Expr | null;
      readonly using: readonly string[];
      readonly span: Span;
    };

export interface SelectCore {
  readonly kind: "core";
  readonly columns: readonly ResultColumn[];
  readonly from: FromItem | null;
  readonly where: Expr | null;
  readonly groupBy: readonly Expr[];
  readonly having: Expr | null;
}
export interface ValuesBody { readonly kind: "values"; readonly rows: readonly (readonly Expr[])[] }
export interface Compound { readonly kind: "compound"; readonly op: string; readonly left: SelectBody; readonly right: SelectBody }
export type SelectBody = SelectCore | ValuesBody | Compound;

export interface Cte { readonly name: string; readonly columns: readonly string[] | null; readonly select: Select | null; readonly span: Span }

export interface Select {
  readonly kind: "select";
  readonly ctes: readonly Cte[];
  readonly body: SelectBody;
  readonly orderBy: readonly Expr[];
  readonly limit: Expr | null;
  readonly offset: Expr | null;
  readonly span: Span;
}

export interface Assignment { readonly columns: readonly string[]; readonly value: Expr }

export interface Insert {
  readonly kind: "insert";
  readonly ctes: readonly Cte[];
  readonly table: string;
  readonly alias: string | null;
  readonly columns: readonly string[] | null;
  readonly rows: readonly (readonly Expr[])[];
  readonly select: Select | null;
  /** `INSERT OR <action>` (lower case), or null. */
  readonly orAction: string | null;
  /** ON CONFLICT clauses; `set` is empty for DO NOTHING. */
  readonly upserts: readonly { readonly where: Expr | null; readonly set: readonly Assignment[]; readonly updateWhere: Expr | null; readonly nothing: boolean }[];
  readonly returning: readonly ResultColumn[] | null;
  readonly span: Span;
}

/** What UPDATE and DELETE share: a target table, its filter, RETURNING and SQLite's ORDER BY/LIMIT. */
export interface WriteToTable {
  readonly ctes: readonly Cte[];
  readonly table: string;
  readonly alias: string | null;
  readonly where: Expr | null;
  readonly returning: readonly ResultColumn[] | null;
  readonly orderBy: readonly Expr[];
  readonly limit: Expr | null;
  readonly offset: Expr | null;
  readonly span: Span;
}

export interface Update extends WriteToTable {
  readonly kind: "update";
  readonly set: readonly Assignment[];
  readonly from: FromItem | null;
}

export interface Delete extends WriteToTable {
  readonly kind: "delete";
}

export interface OtherStatement { readonly kind: "other"; readonly span: Span }

export type Statement = Select | Insert | Update | Delete | OtherStatement;

/** How a placeholder was written; decides its identity and default name. */
export type ParamSyntax =
  | { readonly kind: "anonymous" }
  | { readonly kind: "numbered"; readonly number: number }
  | { readonly kind: "named"; readonly name: string }
  | { readonly kind: "macro"; readonly macro: "arg" | "narg" | "slice"; readonly name: string };

export interface ParamOccurrence {
  readonly syntax: ParamSyntax;
  readonly span: Span;
}

/** `span` covers `sqlc.embed(t)` and its `AS name`, if any: the whole of it is rewritten. */
export interface EmbedOccurrence { readonly table: string; readonly span: Span }

export interface ParsedStatement {
  readonly statement: Statement;
  /** Every placeholder and macro, in text order. */
  readonly params: readonly ParamOccurrence[];
  readonly embeds: readonly EmbedOccurrence[];
}

export function assertNever(value: never): never {
  throw new Error(`unexpected node: ${JSON.stringify(value)}`);
}

/**
 * Reading the parser's nodes (sql-parser-cst's own types, imported as types only): spans, names
 * and keywords. Names come from the original text where parser-text.ts rewrote them.
 */
import type { BaseNode, DataType, EntityName, FuncCall, Identifier, Keyword, Node } from "sql-parser-cst";
import type { Span } from "../diagnostics/diagnostic.js";

/** Visits every placeholder and macro call below a node the adapter does not convert. */
export type Sweep = (root: Node, onParameter: (p: Extract<Node, { type: "parameter" }>) => void, onMacro: (call: FuncCall, macro: string) => void) => void;

export class CstReader {
  /** `sql` is the original statement text, starting at file offset `base`. */
  constructor(
    protected readonly sql: string,
    private readonly base: number,
  ) {}

  span(node: BaseNode): Span {
    const [start, end] = node.range ?? [0, 0];
    return { start: this.base + start, end: this.base + end };
  }

  /** The node as written in the original text. */
  source(node: BaseNode): string {
    const [start, end] = node.range ?? [0, 0];
    return this.sql.slice(start, end);
  }

  /** An identifier's name; a bare one is read from the original (the parser saw it rewritten). */
  ident(id: Identifier): string {
    const written = this.source(id);
    return written === id.text ? id.name : written;
  }

  /** `t` and `main.t` → "t". */
  entityName(n: EntityName | Node): string {
    if (n.type === "identifier") return this.ident(n);
    if (n.type === "member_expr" && n.property.type === "identifier") return this.ident(n.property);
    return "";
  }

  /** A CAST's type as written, without its size: `VARCHAR(10)` → "VARCHAR". */
  typeName(n: DataType): string {
    switch (n.type) {
      case "data_type_name":
        return (Array.isArray(n.name) ? n.name : [n.name]).map((k: Keyword) => k.text).join(" ");
      case "modified_data_type":
        return this.typeName(n.dataType);
      case "identifier":
        return this.ident(n);
      default:
        return "";
    }
  }
}

/** `sqlc.x(...)` → "x"; any other node → null. */
export function macroName(n: Node): string | null {
  if (n.type !== "func_call" || n.name.type !== "member_expr") return null;
  const { object, property } = n.name;
  if (object.type !== "identifier" || object.name.toLowerCase() !== "sqlc" || property.type !== "identifier") return null;
  return property.name.toLowerCase();
}

export function keywordWords(op: Keyword | readonly Keyword[]): string {
  return (Array.isArray(op) ? op : [op]).map((k: Keyword) => k.name).join(" ").toLowerCase();
}

/**
 * A statement's clauses as nodes of any kind. sql-parser-cst's SelectStmt type omits the
 * `values_clause` it produces for SQLite's `VALUES (…)` as a SELECT, so clauses are matched
 * against the full node union.
 */
export function clauseNodes(clauses: readonly Node[]): readonly Node[] {
  return clauses;
}

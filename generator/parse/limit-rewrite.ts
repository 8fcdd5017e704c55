/**
 * `DELETE … ORDER BY … LIMIT` and `UPDATE … ORDER BY … LIMIT` exist in the target's SQLite
 * (SQLITE_ENABLE_UPDATE_DELETE_LIMIT) but not in the WASM analysis build. For the analysis the
 * statement is rewritten the way SQLite itself implements it, `WHERE rowid IN (SELECT rowid FROM
 * t WHERE … ORDER BY … LIMIT …)` (the primary key instead of the rowid in a WITHOUT ROWID table),
 * keeping every parameter in its order; offsets in errors are mapped back to the statement as written.
 */
import type { Node } from "sql-parser-cst";
import { firstStatementCst } from "./cst-adapter.js";

export interface Rewritten {
  readonly sql: string;
  /** Offset in `sql` → offset in the statement as written. */
  readonly toOriginal: (offset: number) => number;
}

interface Piece { readonly text: string; readonly from: number | null }

/** `keyOf(table)`: the quoted columns that identify a row of the table, `["rowid"]` or its primary key. */
export function rewriteUpdateDeleteLimit(sql: string, keyOf: (table: string) => readonly string[]): Rewritten | null {
  const statement = firstStatementCst(sql);
  if (statement?.type !== "delete_stmt" && statement?.type !== "update_stmt") return null;
  const clauses = statement.clauses as readonly Node[];
  const find = (type: string) => clauses.find((c) => c.type === type);
  const order = find("order_by_clause");
  const limit = find("limit_clause");
  if (limit === undefined || find("from_clause") !== undefined || clauses.some((c) => c.type === "with_clause")) return null;
  const target = find(statement.type === "delete_stmt" ? "delete_clause" : "update_clause");
  if (target === undefined) return null;
  const written = (target as unknown as { tables: { items: Node[] } }).tables.items[0];
  const key = keyOf(tableName(written));
  const columns = key.join(", ");
  const where = find("where_clause");
  const returning = find("returning_clause");
  const at = (n: Node) => n.range!;
  const tailStart = at(order ?? limit)[0];
  const tailEnd = at(limit)[1];
  const headEnd = where ? at(where)[0] : returning ? at(returning)[0] : tailStart;
  const pieces: Piece[] = [
    { text: sql.slice(0, headEnd), from: 0 },
    { text: ` WHERE ${key.length === 1 ? columns : `(${columns})`} IN (SELECT ${columns} FROM ${sql.slice(written.range![0], written.range![1])} `, from: null },
    ...(where ? [{ text: sql.slice(at(where)[0], at(where)[1]) + " ", from: at(where)[0] }] : []),
    { text: sql.slice(tailStart, tailEnd), from: tailStart },
    { text: ") ", from: null },
    ...(returning ? [{ text: sql.slice(at(returning)[0], at(returning)[1]), from: at(returning)[0] }] : []),
    { text: sql.slice(tailEnd), from: tailEnd },
  ];
  return { sql: pieces.map((p) => p.text).join(""), toOriginal: (offset) => mapBack(pieces, offset) };
}

/** The table's name in `t`, `main.t`, `t AS x` or `t INDEXED BY i`. */
function tableName(n: Node): string {
  switch (n.type) {
    case "identifier":
      return n.name;
    case "member_expr":
      return n.property.type === "identifier" ? n.property.name : "";
    case "alias":
    case "indexed_table":
      return tableName("expr" in n ? n.expr : n.table);
    default:
      return "";
  }
}

function mapBack(pieces: readonly Piece[], offset: number): number {
  let start = 0;
  let last = 0;
  for (const p of pieces) {
    if (p.from !== null) last = p.from;
    if (offset < start + p.text.length) return p.from === null ? last : p.from + (offset - start);
    start += p.text.length;
  }
  return last;
}

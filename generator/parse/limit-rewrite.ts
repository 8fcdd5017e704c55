/**
 * `DELETE … ORDER BY … LIMIT` and `UPDATE … ORDER BY … LIMIT` exist in the target's SQLite
 * (SQLITE_ENABLE_UPDATE_DELETE_LIMIT) but not in the WASM analysis build. For the analysis the
 * statement is rewritten the way SQLite itself implements it, `WHERE rowid IN (SELECT rowid FROM
 * t WHERE … ORDER BY … LIMIT …)` (the primary key instead of the rowid in a WITHOUT ROWID table),
 * keeping every parameter in its order; offsets in errors are mapped back to the statement as written.
 */
import { sqlTokens, type SqlToken } from "./sql-tokens.js";

export interface Rewritten {
  readonly sql: string;
  /** Offset in `sql` → offset in the statement as written. */
  readonly toOriginal: (offset: number) => number;
}

interface Piece { readonly text: string; readonly from: number | null }

/** A clause of the statement: where its first token starts and its last ends. */
type Range = readonly [number, number];

/** `keyOf(table)`: the quoted columns that identify a row of the table, `["rowid"]` or its primary key. */
export function rewriteUpdateDeleteLimit(sql: string, keyOf: (table: string) => readonly string[]): Rewritten | null {
  const clauses = topLevelClauses(sqlTokens(sql));
  const order = clauses.get("ORDER");
  const limit = clauses.get("LIMIT");
  const target = clauses.get("TARGET");
  if (limit === undefined || target === undefined || clauses.has("FROM")) return null;
  const key = keyOf(tableName(sql.slice(target[0], target[1])));
  const columns = key.join(", ");
  const where = clauses.get("WHERE");
  const returning = clauses.get("RETURNING");
  const tailStart = (order ?? limit)[0];
  const tailEnd = limit[1];
  const headEnd = where ? where[0] : returning ? returning[0] : tailStart;
  const pieces: Piece[] = [
    { text: sql.slice(0, headEnd), from: 0 },
    { text: ` WHERE ${key.length === 1 ? columns : `(${columns})`} IN (SELECT ${columns} FROM ${sql.slice(target[0], target[1])} `, from: null },
    ...(where ? [{ text: sql.slice(where[0], where[1]) + " ", from: where[0] }] : []),
    { text: sql.slice(tailStart, tailEnd), from: tailStart },
    { text: ") ", from: null },
    ...(returning ? [{ text: sql.slice(returning[0], returning[1]), from: returning[0] }] : []),
    { text: sql.slice(tailEnd), from: tailEnd },
  ];
  return { sql: pieces.map((p) => p.text).join(""), toOriginal: (offset) => mapBack(pieces, offset) };
}

/**
 * The clauses of `DELETE FROM target …` or `UPDATE [OR x] target SET …` outside parentheses, by
 * their first word ("TARGET" for the table as written); empty for any other statement.
 */
function topLevelClauses(tokens: readonly SqlToken[]): Map<string, Range> {
  const clauses = new Map<string, Range>();
  const first = tokens[0]?.upper;
  if (first !== "DELETE" && first !== "UPDATE") return clauses;
  const ends = first === "DELETE" ? ["WHERE", "RETURNING", "ORDER", "LIMIT"] : ["SET"];
  let k = first === "DELETE" ? 2 : tokens[1]?.upper === "OR" ? 3 : 1;
  let open: [string, number] = ["TARGET", k];
  let depth = 0;
  for (; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind === "op" && t.text === "(") depth++;
    else if (t.kind === "op" && t.text === ")") depth--;
    else if (depth === 0 && t.kind === "word" && (ends.includes(t.upper) || (open[0] !== "TARGET" && ["FROM", "WHERE", "RETURNING", "ORDER", "LIMIT"].includes(t.upper)))) {
      close(open, k);
      open = [t.upper, k];
    } else if (t.kind === "op" && t.text === ";") break;
  }
  close(open, k);
  return clauses;

  function close([word, from]: [string, number], to: number): void {
    if (to > from) clauses.set(word, [tokens[from].start, tokens[to - 1].end]);
  }
}

/** The table's name in `t`, `main.t`, `t AS x` or `t INDEXED BY i`. */
function tableName(target: string): string {
  const tokens = sqlTokens(target);
  // `main.t …` names the table second; `t AS x` and `t INDEXED BY i` first.
  const named = tokens[1]?.kind === "op" && tokens[1].text === "." ? tokens[2] : tokens[0];
  return named?.kind === "word" || named?.kind === "name" ? named.text : "";
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

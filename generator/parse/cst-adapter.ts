/**
 * The one file that imports the SQL parser (sql-parser-cst, GPL-2.0-or-later). Its concrete syntax
 * tree is turned into sqlgen's AST (ast.ts) by cst-statements.ts and cst-expressions.ts, which read
 * it structurally; node kinds analysis does not need become `unknown`. Nothing outside parse/
 * sees the CST.
 */
import { parse, type ParserOptions } from "sql-parser-cst";
import type * as A from "./ast.js";
import type { MacroError } from "./cst-expressions.js";
import type { Cst } from "./cst-node.js";
import { Converter } from "./cst-statements.js";

export type ParseOutcome =
  | { readonly ok: true; readonly parsed: A.ParsedStatement; readonly macroErrors: readonly MacroError[] }
  | { readonly ok: false; readonly message: string };

const options: ParserOptions = { dialect: "sqlite", includeRange: true, paramTypes: ["?", "?nr", ":name", "@name", "$name"] };

/** Parses one statement whose text starts at file offset `base`. */
export function parseStatement(sql: string, base: number): ParseOutcome {
  let program: Cst;
  try {
    program = parse(sql, options) as unknown as Cst;
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message.split("\n")[0] : String(e) };
  }
  const statements = (program.statements as Cst[]).filter((s) => s.type !== "empty");
  const converter = new Converter(base);
  converter.collect(program);
  const statement = statements.length === 1 ? converter.statement(statements[0]) : ({ kind: "other", span: { start: base, end: base + sql.length } } as const);
  return { ok: true, parsed: { statement, params: converter.params, embeds: converter.embeds }, macroErrors: converter.macroErrors };
}

/** The SELECT of a `CREATE VIEW … AS SELECT …` statement, or null if it cannot be read. */
export function parseViewSelect(sql: string): A.Select | null {
  let program: Cst;
  try {
    program = parse(sql, options) as unknown as Cst;
  } catch {
    return null;
  }
  const view: Cst | undefined = program.statements[0];
  const as: Cst | undefined = view?.type === "create_view_stmt" ? (view.clauses as Cst[]).find((c) => c.type === "as_clause") : undefined;
  if (as === undefined) return null;
  const converter = new Converter(0);
  converter.collect(as.expr);
  return converter.select(as.expr);
}

/**
 * The one file that imports the SQL parser (sql-parser-cst, GPL-2.0-or-later). Its concrete syntax
 * tree is turned into sqlgen's AST (ast.ts) in one pass by cst-statements.ts, cst-from.ts and
 * cst-expressions.ts, which read the parser's own node types; node kinds analysis does not need
 * become `unknown`. Nothing outside parse/ sees the CST.
 */
import { cstVisitor, parse, VisitorAction, type Node, type ParserOptions, type Program } from "sql-parser-cst";
import type * as A from "./ast.js";
import { macroName, type Sweep } from "./cst-node.js";
import type { ParseProblem } from "./cst-params.js";
import { Converter } from "./cst-statements.js";
import { parserText } from "./parser-text.js";

export type { ParseProblem } from "./cst-params.js";

export type ParseOutcome =
  | { readonly ok: true; readonly parsed: A.ParsedStatement; readonly problems: readonly ParseProblem[] }
  | { readonly ok: false; readonly message: string };

const options: ParserOptions = { dialect: "sqlite", includeRange: true, paramTypes: ["?", "?nr", ":name", "@name", "$name"] };

const sweep: Sweep = (root, onParameter, onMacro) =>
  cstVisitor({
    parameter: onParameter,
    func_call: (call) => {
      const macro = macroName(call);
      if (macro === null) return undefined;
      onMacro(call, macro);
      return VisitorAction.SKIP;
    },
  })(root);

function parseText(sql: string): Program | string {
  try {
    return parse(parserText(sql), options);
  } catch (e) {
    return e instanceof Error ? e.message.split("\n")[0] : String(e);
  }
}

/** Parses one statement whose text starts at file offset `base`. */
export function parseStatement(sql: string, base: number): ParseOutcome {
  const program = parseText(sql);
  if (typeof program === "string") return { ok: false, message: program };
  const statements = program.statements.filter((s) => s.type !== "empty");
  const converter = new Converter(sql, base, sweep);
  let statement: A.Statement;
  if (statements.length === 1) statement = converter.statement(statements[0]);
  else {
    statements.forEach((s: Node) => converter.collector.sweep(s));
    statement = { kind: "other", span: { start: base, end: base + sql.length } };
  }
  const { params, embeds, problems } = converter.collector;
  return { ok: true, parsed: { statement, params, embeds }, problems };
}

/** The SELECT of a `CREATE VIEW … AS SELECT …` statement, or null if it cannot be read. */
export function parseViewSelect(sql: string): A.Select | null {
  const program = parseText(sql);
  if (typeof program === "string") return null;
  const view = program.statements[0];
  if (view?.type !== "create_view_stmt") return null;
  for (const clause of view.clauses) if (clause.type === "as_clause") return new Converter(sql, 0, sweep).select(clause.expr);
  return null;
}

/** The CST of the text's first statement, for the adapter's other readers in parse/; null when unparsable. */
export function firstStatementCst(sql: string): Node | null {
  const program = parseText(sql);
  return typeof program === "string" ? null : (program.statements[0] ?? null);
}

/**
 * sqlgen's SQL parser: one statement's text → the AST of ast.ts, with every placeholder and macro
 * in text order. A hand-written recursive-descent parser over SQLite's grammar for SELECT,
 * INSERT, UPDATE and DELETE (expressions in parse-expr.ts, SELECT in parse-select.ts); a
 * statement of another kind is only swept for placeholders. SQLite judges every statement first
 * or after: this parser only has to read what SQLite accepts.
 */
import type * as A from "./ast.js";
import { ParseError } from "./token-cursor.js";
import { SelectParser } from "./parse-select.js";
import type { ParseProblem } from "./parse-params.js";
import { sqlTokens } from "./sql-tokens.js";

export type { ParseProblem } from "./parse-params.js";

export type ParseOutcome =
  | { readonly ok: true; readonly parsed: A.ParsedStatement; readonly problems: readonly ParseProblem[] }
  | { readonly ok: false; readonly message: string };

/** What UPDATE and DELETE share after their target. */
type Tail = Pick<A.WriteToTable, "where" | "returning" | "orderBy" | "limit" | "offset">;

export class StatementParser extends SelectParser {
  /** `sql` is one statement's text, starting at file offset `base`. */
  constructor(sql: string, base: number) {
    super(sql, sqlTokens(sql), base);
  }

  /** The whole text as one statement (a trailing `;` allowed); another kind of statement is swept. */
  statement(): A.Statement {
    const statement = this.statementAt();
    while (this.eatOp(";"));
    if (!this.atEnd()) this.fail("expected the end of the statement");
    return statement;
  }

  private statementAt(): A.Statement {
    const start = this.here();
    const word = this.peek()?.upper;
    if (word !== "WITH" && word !== "SELECT" && word !== "VALUES" && word !== "INSERT" && word !== "REPLACE" && word !== "UPDATE" && word !== "DELETE") {
      this.sweepTo(this.tokens.length);
      return { kind: "other", span: { start: this.base + start, end: this.base + this.lastEnd() } };
    }
    const ctes = this.withClause();
    switch (this.peek()?.upper) {
      case "SELECT":
      case "VALUES":
        return this.selectAfter(start, ctes);
      case "INSERT":
      case "REPLACE":
        return this.insert(start, ctes);
      case "UPDATE":
        return this.update(start, ctes);
      case "DELETE":
        return this.delete(start, ctes);
      default:
        return this.fail("expected SELECT, INSERT, UPDATE or DELETE");
    }
  }

  private insert(start: number, ctes: A.Cte[]): A.Insert {
    let orAction: string | null = null;
    if (this.eatWord("INSERT")) {
      if (this.eatWord("OR")) orAction = this.next().text.toLowerCase();
    } else this.expectWord("REPLACE");
    this.expectWord("INTO");
    const table = this.qualifiedName();
    const alias = this.eatWord("AS") ? this.name() : null;
    const columns = this.isOp("(") ? this.nameList() : null;
    let rows: A.Expr[][] = [];
    let select: A.Select | null = null;
    if (this.eatWord("DEFAULT")) this.expectWord("VALUES");
    else if (this.isWord("VALUES")) {
      this.pos++;
      rows = this.valuesRows();
    } else select = this.select();
    const upserts: A.Insert["upserts"][number][] = [];
    while (this.isWord("ON") && this.isWord("CONFLICT", 1)) upserts.push(this.upsert());
    const returning = this.returning();
    return { kind: "insert", ctes, table, alias, columns, rows, select, orAction, upserts, returning, span: this.spanFrom(start) };
  }

  /** `ON CONFLICT [(target) [WHERE …]] DO NOTHING | DO UPDATE SET … [WHERE …]`. */
  private upsert(): A.Insert["upserts"][number] {
    this.pos += 2;
    let where: A.Expr | null = null;
    if (this.isOp("(")) {
      this.sweepParens();
      if (this.eatWord("WHERE")) where = this.expr();
    }
    this.expectWord("DO");
    if (this.eatWord("NOTHING")) return { where, set: [], updateWhere: null, nothing: true };
    this.expectWord("UPDATE");
    this.expectWord("SET");
    const set = this.assignments();
    const updateWhere = this.eatWord("WHERE") ? this.expr() : null;
    return { where, set, updateWhere, nothing: false };
  }

  private update(start: number, ctes: A.Cte[]): A.Update {
    this.expectWord("UPDATE");
    if (this.eatWord("OR")) this.next();
    const target = this.target();
    this.expectWord("SET");
    const set = this.assignments();
    const from = this.eatWord("FROM") ? this.from() : null;
    return { kind: "update", ctes, ...target, set, from, ...this.tail(), span: this.spanFrom(start) };
  }

  private delete(start: number, ctes: A.Cte[]): A.Delete {
    this.expectWord("DELETE");
    this.expectWord("FROM");
    const target = this.target();
    return { kind: "delete", ctes, ...target, ...this.tail(), span: this.spanFrom(start) };
  }

  /** The table an UPDATE or DELETE writes: `t`, `t AS x`, `t INDEXED BY i`. */
  private target(): { table: string; alias: string | null } {
    const table = this.qualifiedName();
    const alias = this.alias();
    this.indexedBy();
    return { table, alias };
  }

  private tail(): Tail {
    const where = this.eatWord("WHERE") ? this.expr() : null;
    const returning = this.returning();
    const orderBy = this.orderBy();
    return { where, returning, orderBy, ...this.limit() };
  }

  private returning(): A.ResultColumn[] | null {
    return this.eatWord("RETURNING") ? this.resultColumns() : null;
  }

  /** `a = …, (b, c) = …` after SET. */
  private assignments(): A.Assignment[] {
    const set: A.Assignment[] = [];
    do {
      const columns = this.isOp("(") ? this.nameList() : [this.qualifiedName()];
      if (!this.eatOp("=")) this.expectOp("==");
      set.push({ columns, value: this.expr() });
    } while (this.eatOp(","));
    return set;
  }

  /** `CREATE [TEMP] VIEW [IF NOT EXISTS] name [(columns)] AS select`: the select, or null. */
  viewSelect(): A.Select | null {
    if (!this.eatWord("CREATE")) return null;
    if (!this.eatWord("TEMP")) this.eatWord("TEMPORARY");
    if (!this.eatWord("VIEW")) return null;
    if (this.eatWord("IF")) {
      this.expectWord("NOT");
      this.expectWord("EXISTS");
    }
    this.qualifiedName();
    if (this.isOp("(")) this.nameList();
    this.expectWord("AS");
    return this.select();
  }
}

/** Parses one statement whose text starts at file offset `base`. */
export function parseStatement(sql: string, base: number): ParseOutcome {
  const parser = new StatementParser(sql, base);
  try {
    const statement = parser.statement();
    return { ok: true, parsed: { statement, params: parser.params, embeds: parser.embeds }, problems: parser.problems };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, message: e.message };
    throw e;
  }
}

/** The SELECT of a `CREATE VIEW … AS SELECT …` statement, or null if it cannot be read. */
export function parseViewSelect(sql: string): A.Select | null {
  try {
    return new StatementParser(sql, 0).viewSelect();
  } catch (e) {
    if (e instanceof ParseError) return null;
    throw e;
  }
}

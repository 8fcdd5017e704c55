/**
 * SELECT and the clauses statements share: WITH, result columns, FROM (tables, aliases, joins,
 * table functions, subqueries), ORDER BY and LIMIT. Clauses are read in the order they are
 * written, so placeholders are met in text order.
 */
import type * as A from "./ast.js";
import { ExprParser } from "./parse-expr.js";

const joinWords = new Set(["NATURAL", "LEFT", "RIGHT", "FULL", "OUTER", "INNER", "CROSS", "JOIN"]);

export abstract class SelectParser extends ExprParser {
  /** `[WITH …] SELECT … | VALUES …`, compounds, ORDER BY and LIMIT. */
  protected select(): A.Select {
    return this.selectAfter(this.here(), this.withClause());
  }

  /** The rest of a SELECT whose WITH (starting at statement offset `start`) is read. */
  protected selectAfter(start: number, ctes: A.Cte[]): A.Select {
    let body: A.SelectBody = this.core();
    for (;;) {
      const op = this.compoundOperator();
      if (op === null) break;
      body = { kind: "compound", op, left: body, right: this.core() };
    }
    const orderBy = this.orderBy();
    return { kind: "select", ctes, body, orderBy, ...this.limit(), span: this.spanFrom(start) };
  }

  /** `WITH [RECURSIVE] name [(columns)] AS [NOT] [MATERIALIZED] (select), …`, or none. */
  protected withClause(): A.Cte[] {
    if (!this.eatWord("WITH")) return [];
    this.eatWord("RECURSIVE");
    const ctes: A.Cte[] = [];
    do {
      const start = this.here();
      const name = this.name();
      const columns = this.isOp("(") ? this.nameList() : null;
      this.expectWord("AS");
      this.eatWord("NOT");
      this.eatWord("MATERIALIZED");
      this.expectOp("(");
      const select = this.select();
      this.expectOp(")");
      ctes.push({ name, columns, select, span: this.spanFrom(start) });
    } while (this.eatOp(","));
    return ctes;
  }

  /** `(a, b, …)`. */
  protected nameList(): string[] {
    this.expectOp("(");
    const names = [this.name()];
    while (this.eatOp(",")) names.push(this.name());
    this.expectOp(")");
    return names;
  }

  private compoundOperator(): string | null {
    if (this.eatWord("UNION")) return this.eatWord("ALL") ? "union all" : "union";
    if (this.eatWord("INTERSECT")) return "intersect";
    if (this.eatWord("EXCEPT")) return "except";
    return null;
  }

  private core(): A.SelectCore | A.ValuesBody {
    if (this.eatWord("VALUES")) return { kind: "values", rows: this.valuesRows() };
    this.expectWord("SELECT");
    if (!this.eatWord("DISTINCT")) this.eatWord("ALL");
    const columns = this.resultColumns();
    const from = this.eatWord("FROM") ? this.from() : null;
    const where = this.eatWord("WHERE") ? this.expr() : null;
    let groupBy: A.Expr[] = [];
    if (this.isWord("GROUP")) {
      this.pos++;
      this.expectWord("BY");
      groupBy = this.exprList();
    }
    const having = this.eatWord("HAVING") ? this.expr() : null;
    if (this.eatWord("WINDOW")) {
      // Named windows: read for their placeholders.
      do {
        this.name();
        this.expectWord("AS");
        this.sweepParens();
      } while (this.eatOp(","));
    }
    return { kind: "core", columns, from, where, groupBy, having };
  }

  /** `(a, b), (c, d)` after VALUES. */
  protected valuesRows(): A.Expr[][] {
    const rows: A.Expr[][] = [];
    do {
      this.expectOp("(");
      rows.push(this.exprList());
      this.expectOp(")");
    } while (this.eatOp(","));
    return rows;
  }

  protected resultColumns(): A.ResultColumn[] {
    const columns: A.ResultColumn[] = [];
    do columns.push(this.resultColumn());
    while (this.eatOp(","));
    return columns;
  }

  private resultColumn(): A.ResultColumn {
    const start = this.here();
    if (this.eatOp("*")) return { kind: "star", span: this.spanFrom(start) };
    const starAt = this.tableStarAhead();
    if (starAt > 0) {
      const table = this.peek(starAt - 3)!.text;
      this.pos += starAt;
      return { kind: "table_star", table, span: this.spanFrom(start) };
    }
    if (this.macroAhead() === "embed") {
      const before = this.embeds.length;
      const expr = this.macro();
      const alias = this.alias();
      const embed = this.embeds[before];
      const span = this.spanFrom(start);
      if (embed === undefined) return { kind: "expr", expr, alias, span };
      // The alias goes with the macro: SQLite never sees `t.* AS name`.
      this.embeds[before] = { ...embed, span };
      return { kind: "embed", table: embed.table, alias, span };
    }
    const expr = this.expr();
    const alias = this.alias();
    return { kind: "expr", expr, alias, span: this.spanFrom(start) };
  }

  /** The number of tokens of `t.*` or `main.t.*` at the cursor, or 0. */
  private tableStarAhead(): number {
    for (let k = 0; this.isName(k) && this.isOp(".", k + 1); k += 2) if (this.isOp("*", k + 2)) return k + 3;
    return 0;
  }

  /** `AS name`, or a name written without AS, or null. */
  protected alias(): string | null {
    if (this.eatWord("AS")) return this.name();
    return this.isAlias() || this.peek()?.kind === "string" ? this.name() : null;
  }

  protected from(): A.FromItem {
    const start = this.here();
    let left = this.fromTerm();
    for (;;) {
      let words: string[] = [];
      if (this.eatOp(",")) words = ["CROSS"];
      else {
        while (joinWords.has(this.peek()?.upper ?? "") && !words.includes("JOIN")) words.push(this.next().upper);
        if (words.length === 0) return left;
        if (!words.includes("JOIN")) this.fail("expected JOIN");
      }
      const right = this.fromTerm();
      const on = this.eatWord("ON") ? this.expr() : null;
      const using = on === null && this.eatWord("USING") ? this.nameList() : [];
      const op = words.includes("LEFT") ? "left" : words.includes("RIGHT") ? "right" : words.includes("FULL") ? "full" : words.includes("CROSS") ? "cross" : "inner";
      left = { kind: "join", op, natural: words.includes("NATURAL"), left, right, on, using, span: this.spanFrom(start) };
    }
  }

  private fromTerm(): A.FromItem {
    const start = this.here();
    if (this.eatOp("(")) {
      if (this.selectAhead()) {
        const select = this.select();
        this.expectOp(")");
        const alias = this.alias();
        return { kind: "subquery", select, alias, span: this.spanFrom(start) };
      }
      const inner = this.from();
      this.expectOp(")");
      this.alias();
      return inner;
    }
    const name = this.qualifiedName();
    if (this.isOp("(")) {
      const { args } = this.callArgs();
      const alias = this.alias();
      return { kind: "table_function", name: name.toLowerCase(), args, alias, span: this.spanFrom(start) };
    }
    const alias = this.alias();
    this.indexedBy();
    return { kind: "table", name, alias, span: this.spanFrom(start) };
  }

  /** `INDEXED BY name` or `NOT INDEXED`, if written. */
  protected indexedBy(): void {
    if (this.eatWord("INDEXED")) {
      this.expectWord("BY");
      this.name();
    } else if (this.isWord("NOT") && this.isWord("INDEXED", 1)) this.pos += 2;
  }

  protected orderBy(): A.Expr[] {
    if (!this.isWord("ORDER")) return [];
    this.pos++;
    this.expectWord("BY");
    const items: A.Expr[] = [];
    do {
      items.push(this.expr());
      if (!this.eatWord("ASC")) this.eatWord("DESC");
      if (this.eatWord("NULLS") && !this.eatWord("FIRST")) this.expectWord("LAST");
    } while (this.eatOp(","));
    return items;
  }

  /** `LIMIT count [OFFSET offset]` or `LIMIT offset, count`. */
  protected limit(): { limit: A.Expr | null; offset: A.Expr | null } {
    if (!this.eatWord("LIMIT")) return { limit: null, offset: null };
    const first = this.expr();
    if (this.eatWord("OFFSET")) return { limit: first, offset: this.expr() };
    if (this.eatOp(",")) return { limit: this.expr(), offset: first };
    return { limit: first, offset: null };
  }
}

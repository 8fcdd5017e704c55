/**
 * SQLite's expressions, by precedence climbing over SQLite's levels (lowest first): OR; AND; NOT;
 * = == != <> IS IN LIKE GLOB MATCH REGEXP BETWEEN ISNULL NOTNULL; < <= > >=; & | << >>; + -;
 * * / %; || -> ->>; COLLATE; unary - + ~. Forms analysis need not read (RAISE, a window
 * definition) become `unknown` after their placeholders are recorded. Statements build on this.
 */
import type * as A from "./ast.js";
import { ParamParser } from "./parse-params.js";

/** The binary levels between NOT and COLLATE, loosest first; equality's words are read apart. */
const binaryLevels: readonly (readonly string[])[] = [["<", "<=", ">", ">="], ["&", "|", "<<", ">>"], ["+", "-"], ["*", "/", "%"], ["||", "->", "->>"]];

/** Words that start a subquery inside parentheses. */
const selectStarts = new Set(["SELECT", "WITH", "VALUES"]);

/** Keywords SQLite reads as a call with no parentheses. */
const parenlessCalls = new Set(["CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME"]);

export abstract class ExprParser extends ParamParser {
  /** A SELECT (with its WITH), at the cursor: the subclass reads statements. */
  protected abstract select(): A.Select;

  expr(): A.Expr {
    return this.or();
  }

  protected selectAhead(ahead = 0): boolean {
    return selectStarts.has(this.peek(ahead)?.upper ?? "");
  }

  private or(): A.Expr {
    const start = this.here();
    let left = this.and();
    while (this.eatWord("OR")) left = { kind: "binary", op: "or", left, right: this.and(), span: this.spanFrom(start) };
    return left;
  }

  private and(): A.Expr {
    const start = this.here();
    let left = this.not();
    while (this.eatWord("AND")) left = { kind: "binary", op: "and", left, right: this.not(), span: this.spanFrom(start) };
    return left;
  }

  private not(): A.Expr {
    const start = this.here();
    if (this.eatWord("NOT")) return { kind: "unary", op: "not", operand: this.not(), span: this.spanFrom(start) };
    return this.equality();
  }

  /** The equality level: comparisons by operator or keyword, left to right. */
  private equality(): A.Expr {
    const start = this.here();
    let left = this.binary(0);
    for (;;) {
      const next = this.equalityTail(left, start);
      if (next === null) return left;
      left = next;
    }
  }

  private equalityTail(left: A.Expr, start: number): A.Expr | null {
    const span = () => this.spanFrom(start);
    const t = this.peek();
    if (t === undefined) return null;
    if (t.kind === "op" && (t.text === "=" || t.text === "==" || t.text === "!=" || t.text === "<>")) {
      this.pos++;
      return { kind: "binary", op: t.text === "==" ? "=" : t.text, left, right: this.binary(0), span: span() };
    }
    if (this.eatWord("ISNULL")) return { kind: "null_test", not: false, operand: left, span: span() };
    if (this.eatWord("NOTNULL")) return { kind: "null_test", not: true, operand: left, span: span() };
    if (this.isWord("NOT") && this.isWord("NULL", 1)) {
      this.pos += 2;
      return { kind: "null_test", not: true, operand: left, span: span() };
    }
    if (this.eatWord("IS")) {
      const not = this.eatWord("NOT");
      if (this.isWord("NULL")) {
        this.pos++;
        return { kind: "null_test", not, operand: left, span: span() };
      }
      const distinct = this.eatWord("DISTINCT");
      if (distinct) this.expectWord("FROM");
      const op = `is${not ? " not" : ""}${distinct ? " distinct from" : ""}`;
      return { kind: "binary", op, left, right: this.binary(0), span: span() };
    }
    const not = this.isWord("NOT") && ["IN", "LIKE", "GLOB", "MATCH", "REGEXP", "BETWEEN"].includes(this.peek(1)?.upper ?? "");
    if (not) this.pos++;
    const word = this.peek()?.upper;
    if (word === "IN") return this.inExpr(left, not, start);
    if (word === "BETWEEN") {
      this.pos++;
      const low = this.binary(0);
      this.expectWord("AND");
      return { kind: "between", not, left, low, high: this.binary(0), span: span() };
    }
    if (word === "LIKE" || word === "GLOB" || word === "MATCH" || word === "REGEXP") {
      this.pos++;
      const right = this.binary(0);
      // The escape character is read for its placeholders; analysis does not use it.
      if (this.eatWord("ESCAPE")) this.binary(0);
      return { kind: "binary", op: `${not ? "not " : ""}${word.toLowerCase()}`, left, right, span: span() };
    }
    if (not) this.pos--;
    return null;
  }

  private inExpr(left: A.Expr, not: boolean, start: number): A.Expr {
    this.expectWord("IN");
    if (!this.isOp("(")) {
      // `x IN table` or `x IN table_function(…)`: no list analysis can use.
      this.qualifiedName();
      if (this.isOp("(")) this.sweepParens();
      return { kind: "in_list", not, left, items: [], span: this.spanFrom(start) };
    }
    this.pos++;
    if (this.selectAhead()) {
      const select = this.select();
      this.expectOp(")");
      return { kind: "in_select", not, left, select, span: this.spanFrom(start) };
    }
    const items = this.isOp(")") ? [] : this.exprList();
    this.expectOp(")");
    return { kind: "in_list", not, left, items, span: this.spanFrom(start) };
  }

  /** One of the binary levels from `level` up, left-associative. */
  private binary(level: number): A.Expr {
    if (level === binaryLevels.length) return this.collate();
    const start = this.here();
    let left = this.binary(level + 1);
    for (;;) {
      const t = this.peek();
      if (t?.kind !== "op" || !binaryLevels[level].includes(t.text)) return left;
      this.pos++;
      left = { kind: "binary", op: t.text, left, right: this.binary(level + 1), span: this.spanFrom(start) };
    }
  }

  private collate(): A.Expr {
    const start = this.here();
    let operand = this.unary();
    while (this.eatWord("COLLATE")) {
      this.name();
      operand = { kind: "unary", op: "collate", operand, span: this.spanFrom(start) };
    }
    return operand;
  }

  private unary(): A.Expr {
    const start = this.here();
    const t = this.peek();
    if (t?.kind === "op" && (t.text === "-" || t.text === "+" || t.text === "~")) {
      this.pos++;
      return { kind: "unary", op: t.text, operand: this.unary(), span: this.spanFrom(start) };
    }
    // `a = NOT b`: NOT binds looser than `=`, so it takes what follows up to AND or OR.
    if (this.isWord("NOT")) return this.not();
    return this.primary();
  }

  exprList(): A.Expr[] {
    const items = [this.expr()];
    while (this.eatOp(",")) items.push(this.expr());
    return items;
  }

  private primary(): A.Expr {
    const start = this.here();
    const t = this.peek();
    if (t === undefined) return this.fail("expected an expression");
    const literal = (literal: A.Literal["literal"]): A.Expr => {
      this.pos++;
      return { kind: "literal", literal, text: t.text, span: this.spanFrom(start) };
    };
    switch (t.kind) {
      case "number":
        return literal(/^[0-9_]+$|^0x/i.test(t.text) ? "integer" : "real");
      case "string":
        return literal("string");
      case "blob":
        return literal("blob");
      case "param":
        return this.placeholder();
      case "op":
        if (t.text === "(") return this.paren();
        return this.fail("expected an expression");
      case "name":
        return this.columnOrCall();
      case "word":
        break;
    }
    switch (t.upper) {
      case "NULL":
        return literal("null");
      case "TRUE":
      case "FALSE":
        return literal("boolean");
      case "CAST":
        return this.cast();
      case "CASE":
        return this.caseExpr();
      case "EXISTS": {
        this.pos++;
        this.expectOp("(");
        const select = this.select();
        this.expectOp(")");
        return { kind: "exists", select, span: this.spanFrom(start) };
      }
      case "RAISE":
        this.pos++;
        this.sweepParens();
        return { kind: "unknown", span: this.spanFrom(start) };
    }
    if (parenlessCalls.has(t.upper) && !this.isOp("(", 1)) {
      this.pos++;
      return { kind: "call", name: t.text.toLowerCase(), args: [], star: false, window: false, span: this.spanFrom(start) };
    }
    if (this.macroAhead() !== null) return this.macro();
    if (!this.isName()) return this.fail("expected an expression");
    return this.columnOrCall();
  }

  /** `(…)`: a subquery, a row value, or just grouping. */
  private paren(): A.Expr {
    const start = this.here();
    this.expectOp("(");
    if (this.selectAhead()) {
      const select = this.select();
      this.expectOp(")");
      return { kind: "subquery", select, span: this.spanFrom(start) };
    }
    const items = this.exprList();
    this.expectOp(")");
    return items.length === 1 ? items[0] : { kind: "row", items, span: this.spanFrom(start) };
  }

  /** `a`, `t.a`, `main.t.a`, or a call `f(…)`. */
  private columnOrCall(): A.Expr {
    const start = this.here();
    const parts = [this.name()];
    if (this.isOp("(")) return this.call(parts[0], start);
    while (this.eatOp(".")) parts.push(this.name());
    const column = parts[parts.length - 1];
    return { kind: "column", table: parts.length > 1 ? parts[parts.length - 2] : null, column, span: this.spanFrom(start) };
  }

  private call(name: string, start: number): A.Expr {
    const { args, star } = this.callArgs();
    if (this.isWord("FILTER") && this.isOp("(", 1)) {
      this.pos++;
      this.sweepParens();
    }
    const window = this.eatWord("OVER");
    if (window) {
      if (this.isOp("(")) this.sweepParens();
      else this.name();
    }
    return { kind: "call", name: name.toLowerCase(), args, star, window, span: this.spanFrom(start) };
  }

  /** `(…)` of a call: its arguments (`*` left out); an ORDER BY inside is read for its placeholders. */
  protected callArgs(): { args: A.Expr[]; star: boolean } {
    this.expectOp("(");
    if (this.eatOp(")")) return { args: [], star: false };
    if (this.isOp("*") && this.isOp(")", 1)) {
      this.pos += 2;
      return { args: [], star: true };
    }
    if (!this.eatWord("DISTINCT")) this.eatWord("ALL");
    const args = this.exprList();
    if (this.isWord("ORDER")) {
      const close = this.closingParen();
      this.sweepTo(close);
    }
    this.expectOp(")");
    return { args, star: false };
  }

  /** The index of the `)` that closes the parenthesis the cursor is inside. */
  private closingParen(): number {
    let depth = 0;
    for (let k = this.pos; k < this.tokens.length; k++) {
      const t = this.tokens[k];
      if (t.kind === "op" && t.text === "(") depth++;
      else if (t.kind === "op" && t.text === ")" && depth-- === 0) return k;
    }
    return this.fail("unclosed parenthesis");
  }

  private cast(): A.Expr {
    const start = this.here();
    this.expectWord("CAST");
    this.expectOp("(");
    const operand = this.expr();
    this.expectWord("AS");
    const typeName = this.typeName();
    this.expectOp(")");
    return { kind: "cast", operand, typeName, span: this.spanFrom(start) };
  }

  /** A type's words as written, without its size: `VARCHAR(10)` → "VARCHAR". */
  protected typeName(): string {
    const words: string[] = [];
    while (this.peek()?.kind === "word" || this.peek()?.kind === "name") words.push(this.next().text);
    if (this.isOp("(")) this.skipParens();
    return words.join(" ");
  }

  private caseExpr(): A.Expr {
    const start = this.here();
    this.expectWord("CASE");
    const operand = this.isWord("WHEN") ? null : this.expr();
    const whens: { when: A.Expr; then: A.Expr }[] = [];
    while (this.eatWord("WHEN")) {
      const when = this.expr();
      this.expectWord("THEN");
      whens.push({ when, then: this.expr() });
    }
    const otherwise = this.eatWord("ELSE") ? this.expr() : null;
    this.expectWord("END");
    return { kind: "case", operand, whens, otherwise, span: this.spanFrom(start) };
  }
}

/**
 * A position in a statement's tokens, with the tests and steps a recursive-descent parser needs:
 * keywords (case-insensitive), operators, names, balanced parentheses, and spans in file offsets.
 */
import type { Span } from "../diagnostics/diagnostic.js";
import type { SqlToken } from "./sql-tokens.js";

/** Thrown when the tokens are not a statement this parser reads; the message says where. */
export class ParseError extends Error {}

/** SQLite's keywords that are never a bare name (those its grammar has no fallback to a name for). */
const reserved = new Set(
  ("ADD ALL ALTER AND AS AUTOINCREMENT BETWEEN CASE CHECK COLLATE COMMIT CONSTRAINT CREATE CROSS DEFAULT DEFERRABLE DELETE " +
    "DISTINCT DROP ELSE ESCAPE EXCEPT EXISTS FOREIGN FROM FULL GROUP HAVING IN INDEX INDEXED INNER INSERT INTERSECT INTO IS " +
    "ISNULL JOIN LEFT LIMIT NATURAL NOT NOTNULL NULL ON OR ORDER OUTER PRIMARY REFERENCES RETURNING RIGHT SELECT SET TABLE " +
    "THEN TO TRANSACTION UNION UNIQUE UPDATE USING VALUES WHEN WHERE").split(" "),
);

/**
 * Names SQLite allows that also start what may follow an expression or a table: read as that, not
 * as an alias written without AS (`FROM t WINDOW w AS …`, `LIMIT 1 OFFSET 2`, `x LIKE y`).
 */
const continuations = new Set("WINDOW OFFSET DO FILTER OVER MATCH LIKE GLOB REGEXP ASC DESC NULLS".split(" "));

export class TokenCursor {
  protected pos = 0;

  /** `sql` is the statement's text, starting at file offset `base`. */
  constructor(
    protected readonly sql: string,
    protected readonly tokens: readonly SqlToken[],
    protected readonly base: number,
  ) {}

  protected peek(ahead = 0): SqlToken | undefined {
    return this.tokens[this.pos + ahead];
  }

  protected atEnd(): boolean {
    return this.pos >= this.tokens.length;
  }

  /** Whether the token `ahead` is the keyword `word` (upper case). */
  protected isWord(word: string, ahead = 0): boolean {
    return this.peek(ahead)?.upper === word;
  }

  protected isOp(op: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t?.kind === "op" && t.text === op;
  }

  protected eatWord(word: string): boolean {
    if (!this.isWord(word)) return false;
    this.pos++;
    return true;
  }

  protected eatOp(op: string): boolean {
    if (!this.isOp(op)) return false;
    this.pos++;
    return true;
  }

  protected expectWord(word: string): SqlToken {
    if (!this.isWord(word)) this.fail(`expected ${word}`);
    return this.tokens[this.pos++];
  }

  protected expectOp(op: string): SqlToken {
    if (!this.isOp(op)) this.fail(`expected "${op}"`);
    return this.tokens[this.pos++];
  }

  protected next(): SqlToken {
    const t = this.peek();
    if (t === undefined) this.fail("unexpected end of statement");
    this.pos++;
    return t;
  }

  /** Whether the token `ahead` can be a name: a quoted name, or a word that is not a reserved keyword. */
  protected isName(ahead = 0): boolean {
    const t = this.peek(ahead);
    return t !== undefined && (t.kind === "name" || (t.kind === "word" && !reserved.has(t.upper)));
  }

  /** Whether the token `ahead` is an alias written without AS. */
  protected isAlias(ahead = 0): boolean {
    return this.isName(ahead) && !continuations.has(this.peek(ahead)!.upper);
  }

  /** A name as written: a bare word keeps its case, a quoted one loses its quotes. */
  protected name(): string {
    const t = this.peek();
    if (t?.kind === "name" || t?.kind === "word") {
      this.pos++;
      return t.text;
    }
    if (t?.kind === "string") {
      this.pos++;
      return stringValue(t.text);
    }
    return this.fail("expected a name");
  }

  /** `[schema.]name` → name. */
  protected qualifiedName(): string {
    let name = this.name();
    while (this.isOp(".")) {
      this.pos++;
      name = this.name();
    }
    return name;
  }

  /** Steps over `( … )`, the cursor on its `(`; `visit` sees each token inside. */
  protected skipParens(visit: () => boolean = () => false): void {
    this.expectOp("(");
    let depth = 1;
    while (depth > 0) {
      if (visit()) continue;
      const t = this.next();
      if (t.kind === "op" && t.text === "(") depth++;
      else if (t.kind === "op" && t.text === ")") depth--;
    }
  }

  /** Offset (in the statement) where the current token starts. */
  protected here(): number {
    return this.peek()?.start ?? this.sql.length;
  }

  /** Offset just past the last token read. */
  protected lastEnd(): number {
    return this.pos === 0 ? 0 : this.tokens[this.pos - 1].end;
  }

  /** The span from statement offset `start` to the last token read, in file offsets. */
  protected spanFrom(start: number): Span {
    return { start: this.base + start, end: this.base + this.lastEnd() };
  }

  protected fail(what: string): never {
    const t = this.peek();
    const at = t === undefined ? "at the end" : `at "${this.sql.slice(t.start, t.end)}" (offset ${t.start})`;
    throw new ParseError(`${what} ${at}`);
  }
}

/** A string literal's value: quotes removed, doubled quotes made single. */
export function stringValue(literal: string): string {
  return literal.slice(1, -1).replaceAll("''", "'");
}

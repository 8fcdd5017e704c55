/**
 * Placeholders and sqlc macros, recorded as the parser meets them. The parser reads a statement
 * in text order, so occurrences are numbered in text order; a part it does not read (a window
 * definition, a conflict target, a statement of another kind) is swept for them.
 */
import type { DiagnosticCode } from "../diagnostics/catalogue.js";
import type { Span } from "../diagnostics/diagnostic.js";
import type * as A from "./ast.js";
import { stringValue, TokenCursor } from "./token-cursor.js";

export interface ParseProblem {
  readonly code: Extract<DiagnosticCode, "SG401" | "SG405">;
  readonly message: string;
  readonly span: Span;
  readonly notes: readonly string[];
}

/** SQLite's default SQLITE_MAX_VARIABLE_NUMBER, the bound of `?NNN`. */
const maxVariableNumber = 32766;

export class ParamParser extends TokenCursor {
  readonly params: A.ParamOccurrence[] = [];
  readonly embeds: A.EmbedOccurrence[] = [];
  readonly problems: ParseProblem[] = [];

  /** A placeholder as written: `?`, `?NNN`, `:name`, `@name`, `$name`. */
  protected placeholder(): A.ParamRef {
    const t = this.next();
    const span = { start: this.base + t.start, end: this.base + t.end };
    if (t.text.startsWith("?") && t.text.length > 1) {
      const number = Number(t.text.slice(1));
      if (!(number >= 1 && number <= maxVariableNumber)) {
        this.problems.push({ code: "SG405", message: `variable number must be between ?1 and ?${maxVariableNumber}, not ${t.text}`, span, notes: ["SQLite rejects this placeholder. Number parameters from ?1, or use ? or a name (:id)."] });
      }
      return this.occurrence({ kind: "numbered", number }, span);
    }
    return this.occurrence(t.text === "?" ? { kind: "anonymous" } : { kind: "named", name: t.text.slice(1) }, span);
  }

  /** Whether `sqlc.x(` starts here; returns x in lower case, or null. */
  protected macroAhead(): string | null {
    if (!this.isWord("SQLC") || !this.isOp(".", 1) || this.peek(2)?.kind !== "word" || !this.isOp("(", 3)) return null;
    return this.peek(2)!.text.toLowerCase();
  }

  /** `sqlc.arg(x)`, `sqlc.narg(x)`, `sqlc.slice(x)` become parameters; `sqlc.embed(t)` an embed. */
  protected macro(): A.Expr {
    const start = this.here();
    const macro = this.macroAhead()!;
    this.pos += 4;
    const arg = this.macroArgument();
    const span = this.spanFrom(start);
    if (macro !== "arg" && macro !== "narg" && macro !== "slice" && macro !== "embed") {
      this.problems.push({ code: "SG401", message: `unknown macro sqlc.${macro}(): use sqlc.arg, sqlc.narg, sqlc.slice or sqlc.embed`, span, notes: [] });
      return { kind: "unknown", span };
    }
    if (arg === null) {
      this.problems.push({ code: "SG401", message: `sqlc.${macro}() takes exactly one name, as in sqlc.${macro}(${macro === "embed" ? "table" : "name"})`, span, notes: [] });
      return { kind: "unknown", span };
    }
    if (macro === "embed") {
      this.embeds.push({ table: arg, span });
      return { kind: "unknown", span };
    }
    return this.occurrence({ kind: "macro", macro, name: arg }, span);
  }

  /** Steps over `( … )`, recording the placeholders and macros inside. */
  protected sweepParens(): void {
    this.skipParens(() => this.sweepOne());
  }

  /** Steps over tokens up to (not including) index `end`, recording placeholders and macros. */
  protected sweepTo(end: number): void {
    while (this.pos < end) if (!this.sweepOne()) this.pos++;
  }

  /** Reads a placeholder or macro at the cursor, if one is there. */
  private sweepOne(): boolean {
    if (this.peek()?.kind === "param") this.placeholder();
    else if (this.macroAhead() !== null) this.macro();
    else return false;
    return true;
  }

  /** The one name inside the macro's parentheses (a word, quoted name or string), or null. */
  private macroArgument(): string | null {
    const t = this.peek();
    const single = t !== undefined && (t.kind === "word" || t.kind === "name" || t.kind === "string") && this.isOp(")", 1);
    if (!single) {
      this.pos--;
      this.skipParens();
      return null;
    }
    this.pos += 2;
    return t.kind === "string" ? stringValue(t.text) : t.text;
  }

  private occurrence(syntax: A.ParamSyntax, span: Span): A.ParamRef {
    this.params.push({ syntax, span });
    return { kind: "param", occurrence: this.params.length - 1, span };
  }
}

/**
 * Placeholders and sqlc macros, recorded as the converter meets them. The converter visits a
 * statement in text order, so occurrences are numbered in text order as they are found.
 */
import type { FuncCall, Node } from "sql-parser-cst";
import type { DiagnosticCode } from "../diagnostics/catalogue.js";
import type { Span } from "../diagnostics/diagnostic.js";
import type * as A from "./ast.js";
import { type CstReader, type Sweep } from "./cst-node.js";

export interface ParseProblem {
  readonly code: Extract<DiagnosticCode, "SG401" | "SG405">;
  readonly message: string;
  readonly span: Span;
  readonly notes: readonly string[];
}

/** SQLite's default SQLITE_MAX_VARIABLE_NUMBER, the bound of `?NNN`. */
const maxVariableNumber = 32766;

export class ParamCollector {
  readonly params: A.ParamOccurrence[] = [];
  readonly embeds: A.EmbedOccurrence[] = [];
  readonly problems: ParseProblem[] = [];

  constructor(
    private readonly reader: CstReader,
    private readonly sweeper: Sweep,
  ) {}

  /** A placeholder as written: `?`, `?NNN`, `:name`, `@name`, `$name`. */
  placeholder(p: Extract<Node, { type: "parameter" }>): A.Expr {
    const text = this.reader.source(p);
    const span = this.reader.span(p);
    if (text.startsWith("?") && text.length > 1) {
      const number = Number(text.slice(1));
      if (!(number >= 1 && number <= maxVariableNumber)) {
        this.problems.push({ code: "SG405", message: `variable number must be between ?1 and ?${maxVariableNumber}, not ${text}`, span, notes: ["SQLite rejects this placeholder. Number parameters from ?1, or use ? or a name (:id)."] });
      }
      return this.occurrence({ kind: "numbered", number }, span);
    }
    return this.occurrence(text === "?" ? { kind: "anonymous" } : { kind: "named", name: text.slice(1) }, span);
  }

  /** `sqlc.arg(x)`, `sqlc.narg(x)`, `sqlc.slice(x)` become parameters; `sqlc.embed(t)` an embed. */
  macro(call: FuncCall, macro: string): A.Expr {
    const span = this.reader.span(call);
    if (macro !== "arg" && macro !== "narg" && macro !== "slice" && macro !== "embed") {
      this.problems.push({ code: "SG401", message: `unknown macro sqlc.${macro}(): use sqlc.arg, sqlc.narg, sqlc.slice or sqlc.embed`, span, notes: [] });
      return { kind: "unknown", span };
    }
    const args = call.args?.expr.args.items ?? [];
    const arg = args.length === 1 ? this.macroArgument(args[0]) : null;
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

  /** Records what a node the converter does not read holds, so no placeholder goes unbound. */
  sweep(node: Node): void {
    this.sweeper(
      node,
      (p) => this.placeholder(p),
      (call, macro) => this.macro(call, macro),
    );
  }

  private macroArgument(arg: Node): string | null {
    if (arg.type === "identifier") return this.reader.ident(arg);
    if (arg.type === "string_literal") return arg.value;
    return null;
  }

  private occurrence(syntax: A.ParamSyntax, span: Span): A.ParamRef {
    this.params.push({ syntax, span });
    return { kind: "param", occurrence: this.params.length - 1, span };
  }
}

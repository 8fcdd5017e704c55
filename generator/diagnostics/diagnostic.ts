import { catalogue, type DiagnosticCode } from "./catalogue.js";

export type Severity = "error" | "warning";

/** A span of UTF-16 offsets into a user's file. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  /** Path of the user's file, or null for run-wide problems. */
  readonly file: string | null;
  readonly span: Span | null;
  /** Extra lines: what to do, nearest names, SQLite's own words. */
  readonly notes: readonly string[];
}

/** Collects diagnostics from every stage; nothing here prints or exits. */
export class DiagnosticBag {
  private readonly items: Diagnostic[] = [];

  report(code: DiagnosticCode, message: string, file: string | null, span: Span | null, notes: readonly string[] = []): void {
    this.items.push({ code, severity: catalogue[code].severity, message, file, span, notes });
  }

  addAll(other: DiagnosticBag): void {
    this.items.push(...other.items);
  }

  get all(): readonly Diagnostic[] {
    return this.items;
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === "error");
  }
}

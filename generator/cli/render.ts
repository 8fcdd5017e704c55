/** Diagnostics as text for a terminal: `file:line:col: severity CODE: message`, the line, a caret. */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { lineColAt, lineText, type SourceFile } from "../source/source-file.js";

export function renderDiagnostic(d: Diagnostic, files: ReadonlyMap<string, SourceFile>): string {
  const file = d.file === null ? undefined : files.get(d.file);
  if (file === undefined || d.span === null) {
    return [`${d.file ?? "sqlgen"}: ${d.severity} ${d.code}: ${d.message}`, ...d.notes.map((n) => `  = ${n}`)].join("\n");
  }
  const start = lineColAt(file, d.span.start);
  const end = lineColAt(file, Math.max(d.span.start, d.span.end));
  const text = lineText(file, start.line);
  const width = end.line === start.line ? Math.max(1, end.col - start.col) : Math.max(1, text.length - start.col + 1);
  const gutter = String(start.line).length;
  return [
    `${file.path}:${start.line}:${start.col}: ${d.severity} ${d.code}: ${d.message}`,
    `${" ".repeat(gutter)} |`,
    `${start.line} | ${text}`,
    `${" ".repeat(gutter)} | ${" ".repeat(start.col - 1)}${"^".repeat(width)}`,
    ...d.notes.map((n) => `${" ".repeat(gutter)} = ${n.split("\n").join(`\n${" ".repeat(gutter)}   `)}`),
  ].join("\n");
}

export function plural(n: number, word: string): string {
  return `${n} ${n === 1 ? word : word.endsWith("y") ? `${word.slice(0, -1)}ies` : `${word}s`}`;
}

export function summary(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  return `${plural(errors, "error")}, ${plural(diagnostics.length - errors, "warning")}`;
}

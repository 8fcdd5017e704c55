/**
 * Machine-readable renderings for CI: `--format json` (one JSON object per line on stdout) and
 * `--format github` (GitHub Actions workflow commands, shown as annotations on the pull request).
 */
import type { Notice } from "../config/sqlc-config.js";
import type { Diagnostic, Span } from "../diagnostics/diagnostic.js";
import { lineColAt, type SourceFile } from "../source/source-file.js";

export type Format = "text" | "json" | "github";
export const formats: readonly Format[] = ["text", "json", "github"];

export interface Place {
  readonly line: number;
  readonly col: number;
  readonly endLine: number;
  readonly endCol: number;
}

export function placeOf(file: string | null, span: Span | null, sources: ReadonlyMap<string, SourceFile>): Place | null {
  const source = file === null ? undefined : sources.get(file);
  if (source === undefined || span === null) return null;
  const start = lineColAt(source, span.start);
  const end = lineColAt(source, Math.max(span.start, span.end));
  return { line: start.line, col: start.col, endLine: end.line, endCol: end.col };
}

export function diagnosticJson(d: Diagnostic, sources: ReadonlyMap<string, SourceFile>): string {
  return JSON.stringify({ type: "diagnostic", code: d.code, severity: d.severity, message: d.message, file: d.file, ...placeOf(d.file, d.span, sources), notes: d.notes });
}

export function noticeJson(n: Notice, sources: ReadonlyMap<string, SourceFile>): string {
  return JSON.stringify({ type: "note", message: n.message, file: n.file, ...placeOf(n.file, n.span, sources) });
}

export function staleJson(file: string): string {
  return JSON.stringify({ type: "stale", file });
}

export function diagnosticGithub(d: Diagnostic, sources: ReadonlyMap<string, SourceFile>): string {
  return workflowCommand(d.severity, d.file, placeOf(d.file, d.span, sources), d.code, [d.message, ...d.notes].join("\n"));
}

export function noticeGithub(n: Notice, sources: ReadonlyMap<string, SourceFile>): string {
  return workflowCommand("notice", n.file, placeOf(n.file, n.span, sources), "sqlgen config", n.message);
}

export function staleGithub(file: string, advice: string): string {
  return workflowCommand("error", file, null, "stale generated file", advice);
}

/** `::error file=F,line=L,col=C,endLine=…,endColumn=…,title=T::message`, escaped as GitHub documents. */
function workflowCommand(kind: "error" | "warning" | "notice", file: string | null, place: Place | null, title: string, message: string): string {
  const props: [string, string | number][] = [];
  if (file !== null) props.push(["file", file]);
  if (place !== null) props.push(["line", place.line], ["col", place.col], ["endLine", place.endLine], ["endColumn", place.endCol]);
  props.push(["title", title]);
  return `::${kind} ${props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(",")}::${escapeData(message)}`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

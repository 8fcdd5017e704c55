/** Completion: `-- name:` headers and their commands, table names, and column names in scope. */
import type { Command } from "../ir/query-ir.js";
import { placeAt } from "./locate.js";
import type { Analysis } from "./workspace.js";

export interface Completion {
  readonly label: string;
  readonly kind: "command" | "header" | "table" | "column";
  readonly detail: string;
  readonly insertText?: string;
}

const commands: Record<Command, string> = {
  one: "one row or undefined",
  many: "an array of rows (and an iterator)",
  exec: "nothing",
  execrows: "the number of rows changed",
  execlastid: "the last inserted rowid",
  execresult: "changes and last inserted rowid",
};

export function completionsAt(analysis: Analysis, path: string, text: string, offset: number): Completion[] {
  const line = text.slice(text.lastIndexOf("\n", offset - 1) + 1, offset);
  if (/^\s*--\s*name:\s*\S+\s+:\w*$/.test(line)) {
    return Object.entries(commands).map(([c, detail]) => ({ label: c, kind: "command", detail: `:${c} returns ${detail}` }));
  }
  if (/^\s*--\s*\w*$/.test(line)) {
    return [{ label: "name:", kind: "header", detail: "-- name: Name :command, the header that makes a query a function", insertText: "name: " }];
  }
  if (/--/.test(line)) return [];
  const qualified = /([\p{L}\p{N}_$]+)\s*\.\s*[\p{L}\p{N}_$]*$/u.exec(line);
  const { tables: named } = placeAt(analysis, path, text, offset);
  if (qualified) {
    const table = analysis.tables.get((named.get(qualified[1].toLowerCase()) ?? qualified[1]).toLowerCase());
    return table === undefined ? [] : [...table.columns.values()].map((c) => ({ label: c.name, kind: "column", detail: `column of ${table.name}` }));
  }
  const inScope = [...new Set(named.values())].map((t) => analysis.tables.get(t.toLowerCase())).filter((t) => t !== undefined);
  const tables = [...analysis.tables.values()].map((t): Completion => ({ label: t.name, kind: "table", detail: t.kind }));
  const columns = inScope.flatMap((t) => [...t.columns.values()].map((c): Completion => ({ label: c.name, kind: "column", detail: `column of ${t.name}` })));
  return [...tables, ...columns];
}

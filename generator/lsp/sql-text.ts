/**
 * What the cursor is on, read from the SQL text: the IR keeps no token positions, so hover,
 * definition and completion find names, qualifiers and statements here.
 */
import { DiagnosticBag } from "../diagnostics/diagnostic.js";
import { splitStatements, type StatementChunk } from "../parse/split-statements.js";

export interface NameAt {
  /** The identifier, unquoted. */
  readonly name: string;
  readonly start: number;
  readonly end: number;
  /** `c` in `c.seq`: a table or alias. */
  readonly qualifier: string | null;
  /** The parameter sigil before it (`:`, `@`, `$`) or the macro around it (`sqlc.arg`), if any. */
  readonly parameter: boolean;
}

const wordChar = /[\p{L}\p{N}_$]/u;

/** The identifier under or just before `offset`, or null when the cursor is on none. */
export function nameAt(text: string, offset: number): NameAt | null {
  let start = offset;
  let end = offset;
  while (start > 0 && wordChar.test(text[start - 1])) start--;
  while (end < text.length && wordChar.test(text[end])) end++;
  let quoted = 0;
  if (start === end) {
    // Inside a quoted identifier: "name" or `name`.
    const q = quotedAround(text, offset);
    if (q === null) return null;
    [start, end, quoted] = [q.start, q.end, 1];
  } else if ((text[start - 1] === '"' && text[end] === '"') || (text[start - 1] === "`" && text[end] === "`")) quoted = 1;
  const name = text.slice(start, end);
  if (name === "" || /^\d/.test(name)) return null;
  const before = text.slice(0, start - quoted);
  const qualifier = /([\p{L}\p{N}_$]+)"?\s*\.\s*$/u.exec(before)?.[1] ?? null;
  const parameter = /[:@$]$/.test(before) || /\bsqlc\s*\.\s*n?(?:arg|slice)\s*\(\s*['"]?$/i.test(before);
  return { name, start, end, qualifier: parameter ? null : qualifier, parameter };
}

function quotedAround(text: string, offset: number): { start: number; end: number } | null {
  for (const quote of ['"', "`"]) {
    const open = text.lastIndexOf(quote, offset - 1);
    const close = text.indexOf(quote, offset);
    if (open >= 0 && close > open && !text.slice(open, close).includes("\n")) return { start: open + 1, end: close };
  }
  return null;
}

/** The statement (with its leading comments) that `offset` is in, or the next one when between statements. */
export function statementAt(text: string, offset: number): StatementChunk | null {
  for (const chunk of splitStatements(text, "", new DiagnosticBag())) {
    if (offset <= chunk.end + 1) return chunk;
  }
  return null;
}

/** Where a chunk begins: its first comment, else its first token. */
export function chunkStart(chunk: StatementChunk): number {
  return chunk.comments[0]?.start ?? chunk.start;
}

/** The query name in a chunk's `-- name: Name :command` header, if it has one. */
export function headerName(text: string, chunk: StatementChunk): string | null {
  for (const c of chunk.comments) {
    const m = /^\s*(?:--|\/\*)\s*name:\s*([^\s:]+)/.exec(text.slice(c.start, c.end));
    if (m) return m[1];
  }
  return null;
}

/**
 * Tables a statement names after FROM, JOIN, UPDATE or INTO, keyed by the alias or name that
 * refers to them (lower case). Comma joins and sub-queries are found too; CTE names are not tables.
 */
export function tablesIn(sql: string): Map<string, string> {
  const tables = new Map<string, string>();
  const ref = /\b(?:from|join|update|into)\s+((?:[\p{L}\p{N}_$]+|"[^"]+")(?:\s*,\s*(?:[\p{L}\p{N}_$]+|"[^"]+")(?:\s+(?:as\s+)?[\p{L}\p{N}_$]+)?)*(?:\s+(?:as\s+)?[\p{L}\p{N}_$]+)?)/giu;
  for (const m of sql.matchAll(ref)) {
    for (const part of m[1].split(",")) {
      const [table, ...rest] = part.trim().split(/\s+/);
      const alias = rest.filter((w) => w.toLowerCase() !== "as")[0];
      const name = table.replace(/^"|"$/g, "");
      tables.set(name.toLowerCase(), name);
      if (alias !== undefined && !clauseWords.has(alias.toLowerCase())) tables.set(alias.toLowerCase(), name);
    }
  }
  return tables;
}

/** Words that can follow a table name and are not its alias. */
const clauseWords = new Set(["where", "on", "using", "join", "left", "right", "inner", "outer", "cross", "full", "natural", "set", "values", "select", "group", "order", "limit", "returning", "default", "union", "except", "intersect", "window", "having", "indexed", "not"]);

/**
 * Where each table, view and column is defined in the schema files, found from the text: the
 * catalog knows names and types but not lines. Later definitions win (a table dropped and
 * re-created), and `ALTER TABLE … ADD COLUMN` adds to its table.
 */
import { DiagnosticBag } from "../diagnostics/diagnostic.js";
import { splitStatements } from "../parse/split-statements.js";
import type { SourceFile } from "../source/source-file.js";

export interface Definition {
  readonly name: string;
  readonly file: string;
  readonly start: number;
  readonly end: number;
}

export interface TableDefinition extends Definition {
  readonly kind: "table" | "view";
  /** By lower-case name. */
  readonly columns: Map<string, Definition>;
}

const ident = String.raw`("[^"]+"|\x60[^\x60]+\x60|\[[^\]]+\]|[\p{L}\p{N}_$]+)`;
const createRe = new RegExp(String.raw`^create\s+(?:temp\w*\s+)?(?:virtual\s+)?(table|view)\s+(?:if\s+not\s+exists\s+)?(?:[\p{L}\p{N}_$]+\s*\.\s*)?${ident}`, "iu");
const alterRe = new RegExp(String.raw`^alter\s+table\s+(?:[\p{L}\p{N}_$]+\s*\.\s*)?${ident}\s+add\s+(?:column\s+)?${ident}`, "iu");
const constraintWords = new Set(["constraint", "primary", "unique", "check", "foreign"]);

/** Table and view definitions by lower-case name. */
export function indexSchema(files: readonly SourceFile[]): Map<string, TableDefinition> {
  const tables = new Map<string, TableDefinition>();
  for (const file of files) {
    for (const chunk of splitStatements(file.text, file.path, new DiagnosticBag())) {
      const create = createRe.exec(chunk.sql);
      if (create) {
        const at = chunk.start + create.index + create[0].length - create[2].length;
        const def = { kind: create[1].toLowerCase() as "table" | "view", ...named(create[2], file.path, at), columns: new Map<string, Definition>() };
        if (def.kind === "table") for (const c of columnDefinitions(chunk.sql, chunk.start, file.path)) def.columns.set(c.name.toLowerCase(), c);
        tables.set(def.name.toLowerCase(), def);
        continue;
      }
      const alter = alterRe.exec(chunk.sql);
      if (alter) {
        const column = named(alter[2], file.path, chunk.start + alter[0].length - alter[2].length);
        tables.get(unquote(alter[1]).toLowerCase())?.columns.set(column.name.toLowerCase(), column);
      }
    }
  }
  return tables;
}

/** The first name of each top-level item in `CREATE TABLE t ( … )` that is not a table constraint. */
function columnDefinitions(sql: string, offset: number, file: string): Definition[] {
  const open = sql.indexOf("(");
  if (open < 0) return [];
  const out: Definition[] = [];
  let depth = 0;
  let itemStart = open + 1;
  for (let i = open; i < sql.length; i++) {
    const ch = sql[i];
    if (ch === "'" || ch === '"' || ch === "`") {
      i = sql.indexOf(ch, i + 1);
      if (i < 0) break;
    } else if (ch === "-" && sql[i + 1] === "-") {
      i = sql.indexOf("\n", i);
      if (i < 0) break;
      // A comment is not part of the next item's name.
      if (sql.slice(itemStart, i).trim().startsWith("--")) itemStart = i + 1;
    } else if (ch === "(") depth++;
    else if (ch === ")") depth--;
    if ((ch === "," && depth === 1) || (ch === ")" && depth === 0)) {
      const m = new RegExp(String.raw`^\s*${ident}`, "u").exec(sql.slice(itemStart, i));
      if (m && !constraintWords.has(m[1].toLowerCase())) out.push(named(m[1], file, offset + itemStart + m[0].length - m[1].length));
      itemStart = i + 1;
      if (depth === 0) break;
    }
  }
  return out;
}

function named(written: string, file: string, start: number): Definition {
  const name = unquote(written);
  const inner = start + (name === written ? 0 : 1);
  return { name, file, start: inner, end: inner + name.length };
}

function unquote(written: string): string {
  return /^["`[]/.test(written) ? written.slice(1, -1) : written;
}

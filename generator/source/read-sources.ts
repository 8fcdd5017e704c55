/** Finds and reads the `.sql` files of a schema or queries path (a file or a folder). */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { isDirectory } from "../config/options.js";
import type { DiagnosticBag } from "../diagnostics/diagnostic.js";
import { decodeUtf8 } from "./decode-utf8.js";
import type { SourceFile } from "./source-file.js";

/** Every `*.sql` below `path` in lexical order of relative path (`*.down.sql` excluded), or `path` itself. */
export function readSqlFiles(cwd: string, path: string, what: "schema" | "queries", bag: DiagnosticBag): SourceFile[] {
  const root = resolve(cwd, path);
  const paths = !existsSync(root) ? [] : isDirectory(root) ? listSql(root) : [root];
  if (paths.length === 0 && what === "schema") {
    // Queries over no table (`SELECT 1`) are fine, as with sqlc; a mistyped path still shows.
    bag.report("SG011", `no schema found at ${path}; queries are checked against an empty schema`, null, null, [
      "Put CREATE TABLE statements in schema/*.sql (or schema.sql), or pass --schema.",
    ]);
    return [];
  }
  if (paths.length === 0) {
    bag.report("SG001", `no ${what} found at ${path}`, null, null, [
      "Put annotated queries in queries/*.sql, or pass --queries.",
    ]);
    return [];
  }
  const files: SourceFile[] = [];
  for (const p of paths) {
    const shown = relative(cwd, p).split(sep).join("/");
    try {
      const decoded = decodeUtf8(readFileSync(p));
      if (!decoded.ok) {
        bag.report("SG003", `invalid UTF-8 in ${shown} (byte 0x${decoded.byte.toString(16).toUpperCase().padStart(2, "0")})`, shown, { start: decoded.offset, end: decoded.offset + 1 }, [
          "SQL files must be UTF-8; decoding would replace this byte and change the text (a string literal, say). Re-save the file as UTF-8.",
        ]);
      }
      files.push({ path: shown, text: decoded.text });
    } catch (e) {
      bag.report("SG002", `cannot read ${shown}: ${(e as Error).message}`, null, null);
    }
  }
  return files;
}

function listSql(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listSql(p));
    else if (entry.name.endsWith(".sql") && !entry.name.endsWith(".down.sql")) out.push(p);
  }
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** SQLite's verdict on a query, turned into a diagnostic at the offending token with what to do. */
import type { DiagnosticBag, Span } from "../diagnostics/diagnostic.js";
import type { Catalog } from "../schema/catalog.js";
import type { SqliteError } from "../sqlite/analysis-db.js";
import { errorSpan } from "../sqlite/error-span.js";
import type { SourceFile } from "../source/source-file.js";
import { postgresHabit } from "./postgres-habits.js";
import { nearest } from "./suggest.js";

/** The text SQLite was given: it starts at file offset `base`; `toSource` maps rewritten offsets back. */
export interface GivenSql {
  readonly sql: string;
  readonly base: number;
  readonly toSource: (offset: number) => number;
}

/** Reports SQLite's error at the offending token of the user's file. */
export function reportSqliteError(ctx: { readonly catalog: Catalog; readonly bag: DiagnosticBag }, file: SourceFile, given: GivenSql, raw: SqliteError): void {
  const span = errorSpan(raw, given.sql, given.base, given.toSource);
  const err = { ...raw, message: shortened(raw.message) };
  if (err.missingOn !== undefined) {
    ctx.bag.report("SG306", `not available on ${err.missingOn}: ${err.message}`, file.path, span, [
      `The generated code runs on ${err.missingOn}, whose SQLite is built without it (the analysis build has it); the statement would fail at its first use. See generator/targets/ for what each driver has.`,
      ...habitNotes(err.message, file, span),
    ]);
    return;
  }
  const table = /^no such table: (?:\w+\.)?(.+)$/.exec(err.message);
  if (table) {
    const names = nearest(table[1], ctx.catalog.tables.map((t) => t.name));
    const notes = [names.length ? `Did you mean ${names.join(", ")}?` : "No table of the schema is close; is it created in schema/?"];
    // Not named by the statement: a foreign key or trigger of a table it writes names it.
    if (span.start === span.end) notes.unshift(`The statement does not name ${table[1]}: a foreign key or trigger of a table it writes does; fix that in the schema.`);
    ctx.bag.report("SG302", err.message, file.path, span, notes);
    return;
  }
  const column = /^no such column: (.+)$/.exec(err.message);
  if (column) {
    const wanted = column[1].split(".").pop()!;
    const names = nearest(wanted, ctx.catalog.tables.flatMap((t) => t.columns.map((c) => c.name)));
    ctx.bag.report("SG303", err.message, file.path, span, [names.length ? `Did you mean ${names.join(", ")}?` : "Check the column against the schema."]);
    return;
  }
  const notes = ["This is SQLite's own message for the statement."];
  const around = file.text.slice(Math.max(0, span.start - 40), span.end + 40);
  if (/\bFOR\s+UPDATE\b/i.test(around) || /near "(FOR|UPDATE|SKIP|LOCKED)"/.test(err.message)) {
    notes.push("SQLite has no row locks (FOR UPDATE / SKIP LOCKED). Lock the database for writing instead: run the read inside BEGIN IMMEDIATE (the generated runtime's immediate() helper).");
  }
  ctx.bag.report("SG301", err.message, file.path, span, [...notes, ...habitNotes(err.message, file, span)]);
}

/** SQLite quotes names whole; a name of a million characters is shown by its start and length. */
function shortened(message: string): string {
  return message.replace(/[^\s"]{121,}/g, (name) => `${name.slice(0, 60)}… (${name.length} characters)`);
}

function habitNotes(message: string, file: SourceFile, span: Span): string[] {
  const habit = postgresHabit(message, file.text, span);
  return habit === null ? [] : [habit];
}

import type { DiagnosticBag } from "../diagnostics/diagnostic.js";
import { splitStatements } from "../parse/split-statements.js";
import type { SourceFile } from "../source/source-file.js";
import type { AnalysisDb } from "../sqlite/analysis-db.js";
import { errorSpan } from "../sqlite/error-span.js";
import type { Catalog } from "./catalog.js";
import { checkSchema } from "./check-schema.js";
import { readCatalog } from "./read-catalog.js";
import { declaredShape } from "../parse/schema-shape.js";
import { SchemaSources } from "./schema-sources.js";

/** Markers after which a migration file holds its "down" part, which must not be applied. */
const downMarkers = [/^--\s*\+goose\s+down\b/im, /^--\s*migrate:down\b/im, /^--\s*\+migrate\s+down\b/im];

/** The part of a schema or migration file that builds the schema. */
export function upPart(text: string): string {
  let end = text.length;
  for (const marker of downMarkers) {
    const m = marker.exec(text);
    if (m && m.index < end) end = m.index;
  }
  return text.slice(0, end);
}

/**
 * Applies schema files in order, like migrations, statement by statement, so that one error is
 * reported where it is and the remaining statements still apply. Remembers which statement
 * created each object, then checks the result with the runtime's rules.
 */
export function applySchema(db: AnalysisDb, files: readonly SourceFile[], bag: DiagnosticBag): Catalog {
  const sources = new SchemaSources(db);
  for (const file of files) {
    for (const chunk of splitStatements(upPart(file.text), file.path, bag)) {
      if (chunk.sql === "") continue;
      const err = db.execute(chunk.sql);
      if (err !== null) {
        bag.report("SG101", `schema statement failed: ${err.message}`, file.path, errorSpan(err, chunk.sql, chunk.start), [
          "SQLite rejected this statement while applying the schema; fix it and run again.",
        ]);
        continue;
      }
      sources.applied({ file: file.path, span: { start: chunk.start, end: chunk.end } }, chunk.sql, declaredShape(file.path, chunk));
    }
  }
  const catalog = readCatalog(db, sources, bag);
  checkSchema(db, catalog, sources, bag);
  return catalog;
}

/**
 * Accepted ⇔ SQLite prepares it, judged by the SQLite the generated code runs on (better-sqlite3,
 * foreign keys on): what the generator accepted must prepare there, and a query it rejected as
 * SQLite's error or as unparsable must not prepare there.
 */
import Database from "better-sqlite3";
import { upPart } from "../schema/apply-schema.js";
import type { Finding } from "./finding.js";
import type { Described } from "./generator-adapter.js";
import { headerPattern } from "./mutation.js";
import { isSchema, type Project } from "./project.js";
import { controlChar } from "./oracle-run.js";
import { splitSql, withoutMacros } from "./sql-tokens.js";

/** Codes that mean "SQLite (or the parser) refused this statement", as opposed to header or macro problems. */
const sqliteVerdicts = new Set(["SG301", "SG302", "SG303", "SG305"]);

type Db = InstanceType<typeof Database>;

export function nativeSchema(project: Project): Db {
  const db = new Database(":memory:");
  db.pragma("foreign_keys = ON");
  const files = project.files.filter(isSchema).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const f of files) {
    for (const s of splitSql(upPart(f.text))) {
      try {
        db.exec(s.sql);
      } catch {
        // The generator reports schema errors; here the schema is only what applies.
      }
    }
  }
  return db;
}

/** SQLite's error for `sql`, or null when it prepares. */
export function prepareError(db: Db, sql: string): string | null {
  try {
    db.prepare(sql);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** Queries the generator accepted (and, when given, the SQL constants it emitted) must prepare. */
export function checkAccepted(db: Db, described: Described, emittedSql: ReadonlyMap<string, string>): Finding[] {
  const out: Finding[] = [];
  for (const q of described.queries) {
    const sql = withoutMacros(q.sql);
    const error = sql === null ? null : prepareError(db, sql);
    if (error !== null) out.push({ kind: "sqlite-rejects-accepted", detail: `${q.name} (${q.file}:${q.line}): ${error}` });
  }
  for (const [name, sql] of emittedSql) {
    const error = prepareError(db, sql);
    if (error !== null) out.push({ kind: "sqlite-rejects-accepted", detail: `emitted ${name}: ${error}` });
  }
  return out;
}

/** Annotated statements rejected with SQLite's verdict (or as unparsable) must really fail to prepare. */
export function checkRejected(db: Db, project: Project, described: Described): Finding[] {
  const out: Finding[] = [];
  // A schema statement sqlgen refused (a NUL in it, say) is applied by SQLite here but not there: the
  // queries' verdicts then follow from different schemas, and the refusal itself is the finding's answer.
  const schemaPaths = new Set(project.files.filter(isSchema).map((f) => f.path));
  if (described.diagnostics.some((d) => d.severity === "error" && d.file !== null && schemaPaths.has(d.file))) return out;
  for (const f of project.files.filter((x) => !isSchema(x))) {
    const lineOf = lineIndex(f.text);
    for (const s of splitSql(f.text)) {
      if (!s.comments.some((c) => headerPattern.test(c.text)) || controlChar.test(s.sql) || /[\ud800-\udfff]/.test(s.sql)) continue;
      const [first, last] = [lineOf(s.start), lineOf(s.end)];
      // A `-- name:` header inside a statement is refused on purpose (SG008): it almost always means a missing `;`.
      if (described.diagnostics.some((d) => d.file === f.path && d.code === "SG008" && d.line !== null && d.line >= first && d.line <= last)) continue;
      const verdict = described.diagnostics.find((d) => d.file === f.path && sqliteVerdicts.has(d.code) && d.line !== null && d.line >= first && d.line <= last);
      const sql = verdict === undefined ? null : withoutMacros(s.sql);
      if (verdict === undefined || sql === null || prepareError(db, sql) !== null) continue;
      out.push({ kind: "gen-rejects-valid", detail: `${verdict.code} ${verdict.message} (${f.path}:${verdict.line})` });
    }
  }
  return out;
}

function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  return (offset) => {
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
    return line + 1;
  };
}

/**
 * A fuzz input: a small project of schema/*.sql and queries/*.sql files. Text is a JS string in
 * which raw bytes that are not UTF-8 are kept as lone surrogates U+DC80–U+DCFF ("surrogate
 * escapes"), so mutations can insert invalid UTF-8 and still work on text.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

export interface ProjectFile {
  /** `schema/<name>.sql` or `queries/<name>.sql`. */
  readonly path: string;
  readonly text: string;
}

export interface Project {
  /** Where the unmutated project came from, e.g. `repo:queries/http.sql` or `case:cte`. */
  readonly origin: string;
  readonly files: readonly ProjectFile[];
}

export const schemaDir = "schema";
export const queriesDir = "queries";

export function isSchema(f: ProjectFile): boolean {
  return f.path.startsWith(`${schemaDir}/`);
}

/** One raw byte that is not valid UTF-8 on its own. */
export function rawByte(b: number): string {
  return String.fromCharCode(0xdc00 + (b & 0xff));
}

export function encode(text: string): Buffer {
  const parts: Buffer[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const escaped = c >= 0xdc80 && c <= 0xdcff && !(i > 0 && isHigh(text.charCodeAt(i - 1)));
    if (!escaped) continue;
    parts.push(Buffer.from(text.slice(from, i), "utf8"), Buffer.from([c - 0xdc00]));
    from = i + 1;
  }
  parts.push(Buffer.from(text.slice(from), "utf8"));
  return Buffer.concat(parts);
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

export function writeProject(dir: string, project: Project): void {
  for (const f of project.files) {
    const target = join(dir, f.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, encode(f.text));
  }
  mkdirSync(join(dir, schemaDir), { recursive: true });
  mkdirSync(join(dir, queriesDir), { recursive: true });
}

/** The seeds: the repo's schema with each of its query files, and every golden case. */
export function loadCorpus(repoRoot: string): Project[] {
  const repoSchema = sqlFiles(join(repoRoot, "schema")).map((p) => file(`${schemaDir}/${p.name}`, p.full));
  const repo = sqlFiles(join(repoRoot, "queries")).map((q) => ({ origin: `repo:queries/${q.name}`, files: [...repoSchema, file(`${queriesDir}/${q.name}`, q.full)] }));
  const casesRoot = join(repoRoot, "generator", "test", "cases");
  const cases = readdirSync(casesRoot, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => ({ origin: `case:${name}`, files: caseFiles(join(casesRoot, name)) }));
  return [...repo, ...cases];
}

function caseFiles(dir: string): ProjectFile[] {
  const out: ProjectFile[] = [];
  for (const [single, folder, target] of [["schema.sql", "schema", schemaDir], ["query.sql", "queries", queriesDir]] as const) {
    if (existsSync(join(dir, single))) out.push(file(`${target}/${single}`, join(dir, single)));
    for (const f of sqlFiles(join(dir, folder))) out.push(file(`${target}/${f.name}`, f.full));
  }
  return out;
}

function sqlFiles(dir: string): { name: string; full: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith(".sql"))
    .sort()
    .map((name) => ({ name, full: join(dir, name) }));
}

function file(path: string, full: string): ProjectFile {
  return { path, text: readFileSync(full, "utf8") };
}

/**
 * A project as readable text for a report: each file under a `--- path` line; control characters,
 * raw bytes and long runs of one character are written as visible escapes.
 */
export function renderProject(project: Project): string {
  return project.files.map((f) => `--- ${visible(f.path)}\n${visible(f.text)}`).join("\n");
}

export function visible(text: string): string {
  return text
    .replace(/(.)\1{19,}/gsu, (run: string, c: string) => `⟪${JSON.stringify(visible(c))} ×${run.length}⟫`)
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\udc80-\udcff]/g, (c) => {
      const code = c.charCodeAt(0);
      return code >= 0xdc80 ? `\\x${(code - 0xdc00).toString(16).toUpperCase()}` : `\\u${code.toString(16).padStart(4, "0")}`;
    });
}

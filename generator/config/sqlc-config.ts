/**
 * sqlc drop-in: reads sqlc.yaml / sqlc.yml / sqlc.json (versions 1 and 2) and turns each SQLite
 * entry into one sqlgen target (schema, queries, output folder, and the names and types of
 * sqlc-naming.ts). Every setting that means nothing to TypeScript becomes a notice naming its
 * place, so nothing is ignored silently.
 */
import { posix } from "node:path";
import type { Node } from "yaml";
import type { DiagnosticBag, Span } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../source/source-file.js";
import { entries, field, parseConfig, spanOf, stringList, stringValue, type Entry } from "./config-document.js";
import type { Settings } from "./config-keys.js";
import { rebase } from "./sqlgen-json.js";
import { readNamingKey, type SqlcNaming } from "./sqlc-naming.js";

export const sqlcFileNames: readonly string[] = ["sqlc.yaml", "sqlc.yml", "sqlc.json"];

/** A line the CLI prints about the config that is neither an error nor a warning. */
export interface Notice {
  readonly file: string;
  readonly span: Span | null;
  readonly message: string;
}

export interface SqlcConfig {
  /** One per SQLite entry. */
  readonly targets: readonly Settings[];
  readonly notices: readonly Notice[];
}

export function readSqlcConfig(file: SourceFile, bag: DiagnosticBag): SqlcConfig {
  const root = parseConfig(file, bag);
  const top = entries(root);
  const notices: Notice[] = [];
  const note = (span: Span | null, message: string) => notices.push({ file: file.path, span, message });
  if (top === null) {
    if (root !== null) bag.report("SG014", `${file.path} must hold a mapping with "version"`, file.path, spanOf(root, file));
    return { targets: [], notices };
  }
  const version = stringValue(field(root, "version"));
  if (version !== "1" && version !== "2") {
    bag.report("SG014", `${file.path}: "version" must be "1" or "2"`, file.path, spanOf(field(root, "version") ?? root, file), ['sqlc configs start with version: "2" (or "1").']);
    return { targets: [], notices };
  }
  const listKey = version === "1" ? "packages" : "sql";
  const dir = posix.dirname(file.path);
  const entriesOf: Entry[] = [];
  // Settings for every entry: v1's top-level rename and overrides, v2's overrides.go.
  const global: SqlcNaming = {};
  for (const e of top) {
    if (e.key === "version") continue;
    if (e.key === listKey) entriesOf.push(e);
    else if (e.key === "overrides" && version === "2") {
      for (const g of entries(field(e.value, "go") ?? null) ?? []) {
        if (!readNamingKey(g, `overrides.go.${g.key}`, file, bag, note, global)) note(g.keySpan, `overrides.go.${g.key}: has no meaning for TypeScript; ignored`);
      }
    } else if ((e.key === "rename" || e.key === "overrides") && readNamingKey(e, e.key, file, bag, note, global)) continue;
    else note(e.keySpan, `${e.key}: has no meaning for sqlgen; ignored`);
  }
  const targets = entriesOf.flatMap((e) => readEntries(e, version, dir, file, bag, note)).map((t) => withNaming(t, global));
  if (targets.length === 0) bag.report("SG001", `${file.path} has no entry with engine: sqlite`, file.path, spanOf(field(root, listKey) ?? root, file), ["sqlgen generates for SQLite only."]);
  return { targets, notices };
}

type Note = (span: Span | null, message: string) => void;

/** An sqlc entry as read, before the file's global naming settings join it. */
interface EntrySettings {
  schema?: string[];
  queries?: string[];
  out?: string;
  naming: SqlcNaming;
}

function readEntries(list: Entry, version: "1" | "2", dir: string, file: SourceFile, bag: DiagnosticBag, note: Note): EntrySettings[] {
  const items = (list.value as { items?: Node[] } | null)?.items ?? [];
  const targets: EntrySettings[] = [];
  items.forEach((item, i) => {
    const label = `${list.key}[${i}]`;
    const engine = stringValue(field(item, "engine")) ?? (version === "1" ? "postgresql" : undefined);
    if (engine !== "sqlite") {
      note(spanOf(item, file), `${label}: engine ${engine ?? "(none)"} is not sqlite; skipped`);
      return;
    }
    const settings: EntrySettings = { naming: {} };
    for (const e of entries(item) ?? []) {
      const where = `${label}.${e.key}`;
      switch (e.key) {
        case "engine":
        case "name":
          break;
        case "schema":
        case "queries": {
          const paths = stringList(e.value);
          if (paths === undefined) bag.report("SG014", `${where} must be a path or a list of paths`, file.path, spanOf(e.value, file));
          else settings[e.key] = paths.map((p) => rebase(dir, p));
          break;
        }
        case "path": // version 1: the output folder
          settings.out = outPath(e, dir, where, file, bag);
          break;
        case "gen":
          settings.out ??= readGen(e, label, dir, file, bag, note, settings.naming);
          break;
        case "codegen":
          settings.out ??= readCodegen(e, label, dir, file, bag, note);
          break;
        default:
          // Version 1 keeps emit_exact_table_names and overrides on the package.
          if (!readNamingKey(e, where, file, bag, note, settings.naming)) note(e.keySpan, `${where}: has no meaning for TypeScript; ignored`);
      }
    }
    targets.push(settings);
  });
  return targets;
}

function outPath(e: Entry, dir: string, where: string, file: SourceFile, bag: DiagnosticBag): string | undefined {
  const out = stringValue(e.value);
  if (out === undefined) bag.report("SG014", `${where} must be a path`, file.path, spanOf(e.value, file));
  return out === undefined ? undefined : rebase(dir, out);
}

/** `gen.go.out` is the output folder; names and types go to `naming`; all else means nothing here. */
function readGen(gen: Entry, label: string, dir: string, file: SourceFile, bag: DiagnosticBag, note: Note, naming: SqlcNaming): string | undefined {
  let out: string | undefined;
  for (const lang of entries(gen.value) ?? []) {
    if (lang.key !== "go") {
      note(lang.keySpan, `${label}.gen.${lang.key}: has no meaning for sqlgen; ignored`);
      continue;
    }
    for (const e of entries(lang.value) ?? []) {
      const where = `${label}.gen.go.${e.key}`;
      if (e.key === "out") out = outPath(e, dir, where, file, bag);
      else if (!readNamingKey(e, where, file, bag, note, naming)) note(e.keySpan, `${where}: has no meaning for TypeScript; ignored`);
    }
  }
  return out;
}

function readCodegen(codegen: Entry, label: string, dir: string, file: SourceFile, bag: DiagnosticBag, note: Note): string | undefined {
  let out: string | undefined;
  const items = (codegen.value as { items?: Node[] } | null)?.items ?? [];
  items.forEach((item, i) => {
    for (const e of entries(item) ?? []) {
      const where = `${label}.codegen[${i}].${e.key}`;
      if (e.key === "out" && out === undefined) out = outPath(e, dir, where, file, bag);
      else note(e.keySpan, `${where}: has no meaning for sqlgen; ignored`);
    }
  });
  return out;
}

/** An entry's settings with the file's global ones: the entry's renames and overrides win (they come first). */
function withNaming(t: EntrySettings, global: SqlcNaming): Settings {
  const { naming, ...paths } = t;
  const exclusions = [...(naming.inflectionExclusions ?? []), ...(global.inflectionExclusions ?? [])];
  return {
    ...paths,
    naming: { rename: { ...global.rename, ...naming.rename }, inflectionExclusions: exclusions },
    overrides: [...(naming.overrides ?? []), ...(global.overrides ?? [])],
    // Type options: a later one for the same target wins, so the entry's come last.
    types: [...(global.types ?? []), ...(naming.types ?? [])],
    ...(naming.exactTableNames === undefined ? {} : { emitExactTableNames: naming.exactTableNames }),
  };
}

/**
 * The sqlc settings that name and type generated code, read for sqlgen: `rename` (a name → the name
 * to give it), `overrides` (a `column` or `db_type` → a `go_type`), `emit_exact_table_names` and
 * `inflection_exclude_table_names`. An override whose Go type has no TypeScript meaning yet is a
 * note at its position, not applied.
 */
import { isSeq, type Node } from "yaml";
import type { TypeOverride } from "../analyze/type-overrides.js";
import type { DiagnosticBag, Span } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../source/source-file.js";
import { booleanValue, entries, field, spanOf, stringList, stringValue, type Entry } from "./config-document.js";
import { goTypeText, goTypeToMapping, goTypeToTs } from "./go-types.js";
import type { TypeOption } from "./type-options.js";

type Note = (span: Span | null, message: string) => void;

/** What an sqlc entry (or the file, globally) says about names and types. */
export interface SqlcNaming {
  rename?: Record<string, string>;
  overrides?: TypeOverride[];
  /** Overrides to Go times and JSON, as sqlgen's type options. */
  types?: TypeOption[];
  exactTableNames?: boolean;
  inflectionExclusions?: string[];
}

const identifier = /^[A-Za-z_$][\w$]*$/;

/**
 * Reads one naming key into `into`; false when `e` is not one. `where` is the key's path
 * (`sql[0].gen.go.rename`) for messages.
 */
export function readNamingKey(e: Entry, where: string, file: SourceFile, bag: DiagnosticBag, note: Note, into: SqlcNaming): boolean {
  switch (e.key) {
    case "rename":
      into.rename = { ...into.rename, ...readRename(e, where, file, bag) };
      return true;
    case "overrides":
      into.overrides = [...(into.overrides ?? []), ...readOverrides(e, where, file, bag, note, into)];
      return true;
    case "emit_exact_table_names": {
      const on = booleanValue(e.value);
      if (on === undefined) bag.report("SG014", `${where} must be true or false`, file.path, spanOf(e.value, file));
      else into.exactTableNames = on;
      return true;
    }
    case "inflection_exclude_table_names": {
      const names = isSeq(e.value) && e.value.items.length === 0 ? [] : stringList(e.value);
      if (names === undefined) bag.report("SG014", `${where} must be a list of table names`, file.path, spanOf(e.value, file));
      else into.inflectionExclusions = [...(into.inflectionExclusions ?? []), ...names];
      return true;
    }
    default:
      return false;
  }
}

function readRename(e: Entry, where: string, file: SourceFile, bag: DiagnosticBag): Record<string, string> {
  const pairs = entries(e.value);
  if (pairs === null) {
    bag.report("SG014", `${where} must map names to names`, file.path, spanOf(e.value, file), ["For example rename: { user_id: UserID }."]);
    return {};
  }
  const out: Record<string, string> = {};
  for (const p of pairs) {
    const to = stringValue(p.value);
    if (to === undefined || !identifier.test(to)) bag.report("SG014", `${where}.${p.key} must be an identifier`, file.path, spanOf(p.value, file));
    else out[p.key] = to;
  }
  return out;
}

function readOverrides(e: Entry, where: string, file: SourceFile, bag: DiagnosticBag, note: Note, into: SqlcNaming): TypeOverride[] {
  if (!isSeq(e.value)) {
    bag.report("SG014", `${where} must be a list of overrides`, file.path, spanOf(e.value, file));
    return [];
  }
  const out: TypeOverride[] = [];
  e.value.items.forEach((item, i) => {
    const at = `${where}[${i}]`;
    const node = item as Node;
    const span = spanOf(node, file);
    const engine = stringValue(field(node, "engine"));
    if (engine !== undefined && engine !== "sqlite") return;
    const column = stringValue(field(node, "column"));
    const dbType = stringValue(field(node, "db_type"));
    const goType = field(node, "go_type");
    const type = goTypeToTs(goType);
    if ((column === undefined) === (dbType === undefined)) {
      bag.report("SG014", `${at} must have either "column" or "db_type"`, file.path, span);
      return;
    }
    const mapping = type === null ? goTypeToMapping(goType) : null;
    if (mapping !== null && !column?.includes("*")) {
      // A time or JSON column: sqlgen's type option for that column or declared type.
      into.types = [...(into.types ?? []), { target: column === undefined ? dbType! : columnPattern(column), mapping, brand: null, at: { file: file.path, span } }];
      return;
    }
    if (type === null) {
      note(span, `${at}: go_type ${goTypeText(goType)} has no TypeScript type in sqlgen's sqlc drop-in yet (big integers and your own types: "types" in a sqlgen.json); not applied`);
      return;
    }
    out.push({
      column: column === undefined ? null : columnPattern(column),
      dbType: dbType?.toLowerCase() ?? null,
      nullable: booleanValue(field(node, "nullable")) ?? false,
      type,
      file: file.path,
      span,
    });
  });
  return out;
}

/** `table.column`, lower case; a leading schema (`main.users.id`) is dropped: SQLite has one. */
function columnPattern(column: string): string {
  const parts = column.toLowerCase().split(".");
  return parts.slice(-2).join(".");
}

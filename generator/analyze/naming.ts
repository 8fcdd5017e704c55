import type { QueryIdentifiers } from "../ir/query-ir.js";

/** Names: SQL names to TypeScript identifiers, and uniqueness the way sqlc does it (`id`, `id_2`). */

export function camelCase(name: string): string {
  const parts = name.split(/[^A-Za-z0-9]+/).filter((p) => p !== "");
  if (parts.length === 0) return "value";
  const out = parts.map((p, i) => (i === 0 ? p[0].toLowerCase() + p.slice(1) : p[0].toUpperCase() + p.slice(1))).join("");
  return /^[0-9]/.test(out) ? `_${out}` : out;
}

export function pascalCase(name: string): string {
  const c = camelCase(name);
  return c[0].toUpperCase() + c.slice(1);
}

/** Turns a result column name such as `count(*)` into a usable SQL-level name. */
export function sanitizeName(name: string, fallback: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_]+/g, "_").replace(/^_+|_+$/g, "");
  return cleaned === "" ? fallback : cleaned;
}

/** Hands out names, suffixing repeats: `id`, `id_2`, `id_3`. */
export class NameAllocator {
  private readonly taken = new Set<string>();

  reserve(name: string): void {
    this.taken.add(name.toLowerCase());
  }

  allocate(name: string): string {
    let candidate = name;
    for (let n = 2; this.taken.has(candidate.toLowerCase()); n++) candidate = `${name}_${n}`;
    this.taken.add(candidate.toLowerCase());
    return candidate;
  }
}

/** Hands out TypeScript field names unique within one object: `id`, `id2` (`a_b` and `aB` cannot both be `aB`). */
export class FieldNames {
  private readonly taken = new Set<string>();

  field(sqlName: string): string {
    const base = camelCase(sqlName);
    let candidate = base;
    for (let n = 2; this.taken.has(candidate); n++) candidate = `${base}${n}`;
    this.taken.add(candidate);
    return candidate;
  }
}

/** The fields of a table's model, one per column name in order; embeds of the table use the same. */
export function modelFields(columns: readonly string[]): string[] {
  const names = new FieldNames();
  return columns.map((c) => names.field(c));
}

/** Words a generated function cannot be named: reserved in strict-mode ES modules, or not bindable there. */
const reserved = new Set(
  ("break case catch class const continue debugger default delete do else enum export extends false finally for function if import in " +
    "instanceof new null return super switch this throw true try typeof var void while with implements interface let package private " +
    "protected public static yield await arguments eval undefined NaN Infinity").split(" "),
);

export function isReservedWord(identifier: string): boolean {
  return reserved.has(identifier);
}

export function queryIdentifiers(queryName: string): QueryIdentifiers {
  const fn = camelCase(queryName);
  const type = pascalCase(queryName);
  return {
    fn,
    iterate: `${fn}Iterate`,
    params: `${type}Params`,
    row: `${type}Row`,
    sql: `${fn}Sql`,
    statement: `${fn}Statement`,
    mapper: `to${type}Row`,
  };
}

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

/** Schema mutations: statements dropped or repeated, column types, constraints and keys changed. */
import { editFile, type Mutation, type MutationContext } from "./mutation.js";
import { splitSql } from "./sql-tokens.js";

/** Rewrites one statement of a schema file. */
function editStatement(p: Parameters<Mutation["apply"]>[0], ctx: MutationContext, edit: (sql: string) => string | null) {
  return editFile(p, ctx, "schema", (text) => {
    const statements = splitSql(text);
    if (statements.length === 0) return null;
    const s = ctx.rng.pick(statements);
    const replaced = edit(s.sql);
    return replaced === null ? null : text.slice(0, s.start) + replaced + text.slice(s.end);
  });
}

/** Replaces one match of `pattern` (global) in `sql`, chosen at random. */
function replaceOne(sql: string, ctx: MutationContext, pattern: RegExp, to: (m: RegExpExecArray) => string): string | null {
  const all = [...sql.matchAll(pattern)];
  if (all.length === 0) return null;
  const m = ctx.rng.pick(all);
  return sql.slice(0, m.index) + to(m) + sql.slice(m.index + m[0].length);
}

const types = ["TXET", "INTEGER", "TEXT", "BLOB", "REAL", "BOOLEAN", "NUMERIC", "", "VARCHAR(10)", "JSON", "DATETIME", "INT PRIMARY KEY"];

export const schemaMutations: readonly Mutation[] = [
  { name: "schema-drop-statement", apply: (p, ctx) => editStatement(p, ctx, () => "SELECT 1") },
  { name: "schema-repeat-statement", apply: (p, ctx) => editStatement(p, ctx, (sql) => `${sql};\n${sql}`) },
  {
    name: "schema-column-type",
    apply: (p, ctx) => editStatement(p, ctx, (sql) => replaceOne(sql, ctx, /\b(INTEGER|TEXT|BLOB|REAL|BOOLEAN|INT)\b/gi, () => ctx.rng.pick(types))),
  },
  {
    name: "schema-toggle-not-null",
    apply: (p, ctx) =>
      editStatement(p, ctx, (sql) => (ctx.rng.chance(0.5) ? replaceOne(sql, ctx, /\s+NOT NULL\b/gi, () => "") : replaceOne(sql, ctx, /\b(INTEGER|TEXT|BLOB)\b(?! NOT)/gi, (m) => `${m[0]} NOT NULL`))),
  },
  {
    name: "schema-bad-reference",
    // A foreign key to a missing table, or to a column that is not unique.
    apply: (p, ctx) =>
      editStatement(p, ctx, (sql) =>
        ctx.rng.chance(0.5)
          ? replaceOne(sql, ctx, /REFERENCES\s+(\w+)/gi, (m) => `REFERENCES ${m[1]}x`)
          : replaceOne(sql, ctx, /^(\s*)(\w+)(\s+(?:TEXT|INTEGER|BLOB))/gim, (m) => `${m[1]}${m[2]}${m[3]} REFERENCES ${ctx.rng.pick(["nowhere(id)", "workspaces(name)", "t(n)", "users(id)"])}`),
      ),
  },
  {
    name: "schema-primary-key",
    apply: (p, ctx) => editStatement(p, ctx, (sql) => replaceOne(sql, ctx, /\bPRIMARY KEY\b/gi, () => ctx.rng.pick(["PRIMARY KEY DESC", "PRIMARY KEY AUTOINCREMENT", "UNIQUE", "", "PRIMARY KEY ASC"]))),
  },
  {
    name: "schema-table-options",
    apply: (p, ctx) => editStatement(p, ctx, (sql) => (/^CREATE TABLE/i.test(sql) ? `${sql.replace(/\)\s*(STRICT|WITHOUT ROWID)?\s*$/i, ")")} ${ctx.rng.pick(["STRICT", "WITHOUT ROWID", ""])}` : null)),
  },
  {
    name: "schema-add-view",
    apply: (p, ctx) =>
      editFile(p, ctx, "schema", (text) => {
        const table = ctx.rng.pick([...text.matchAll(/CREATE TABLE\s+(?:IF NOT EXISTS\s+)?(\w+)/gi)].map((m) => m[1]).concat(["nowhere"]));
        const column = ctx.rng.pick(["*", "id", "missing_column", "count(*)", "max(id) IS NULL"]);
        return `${text}\nCREATE VIEW v_${ctx.rng.int(1000)} AS SELECT ${column} FROM ${table};\n`;
      }),
  },
];

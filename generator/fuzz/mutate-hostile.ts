/**
 * Hostile input (issue 13): doc comments and identifiers that try to end a generated comment and
 * become code, names that are reserved words, file names with line breaks, and long runs that
 * make backtracking patterns or suggestion searches blow up.
 */
import { queriesDir } from "./project.js";
import { editFile, headerPattern, insertSomewhere, spliceTokens, tokenIndexes, type Mutation } from "./mutation.js";
import { isCode, tokenize } from "./sql-tokens.js";

/** Code an attacker wants to run on import; an injection shows up as an extra statement. */
const payload = 'export const injected = import("node:fs");';
const hostileDocs = [`-- Reads one row. */ ${payload} /*`, `/* doc */ ${payload} /* */`, `-- ok *\/ ${payload} //`, `/** @see */ ${payload}`, `-- \u2028${payload}`, `-- \r${payload}`];
const hostileNames = ["x*/ export const fromSchema = 1; /*", "a\"b", "a'b", "a\nexport const nl = 1;\n", "class", "enum", "delete", "default", "database", "Database", "constructor", "__proto__", "db", "index", "models", "x`${1}`", "é", "a b", "select", "*/"];

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export const hostileMutations: readonly Mutation[] = [
  {
    name: "hostile-doc-comment",
    apply: (p, ctx) =>
      editFile(p, ctx, "query", (text) => {
        const tokens = tokenize(text);
        const headers = tokenIndexes(tokens, (t) => headerPattern.test(t.text));
        if (headers.length === 0) return null;
        const at = ctx.rng.pick(headers);
        const doc = ctx.rng.pick(hostileDocs);
        // Above the header (a doc line) or just below it (also documentation).
        return ctx.rng.chance(0.7) ? spliceTokens(tokens, at, at, `${doc}\n`) : spliceTokens(tokens, at + 1, at + 1, `\n${doc}`);
      }),
  },
  {
    name: "hostile-identifier",
    // Renames one name of the schema everywhere it appears, so the queries still reach it.
    apply: (p, ctx) => {
      const schema = p.files.filter((f) => f.path.startsWith("schema/"));
      if (schema.length === 0) return null;
      const words = [...new Set(schema.flatMap((f) => tokenize(f.text).filter((t) => t.kind === "word" && /^[a-z_][a-z0-9_]*$/.test(t.text)).map((t) => t.text)))];
      if (words.length === 0) return null;
      const from = ctx.rng.pick(words);
      const to = quoteIdentifier(ctx.rng.pick(hostileNames));
      const files = p.files.map((f) => ({ ...f, text: tokenize(f.text).map((t) => (t.kind === "word" && t.text === from ? to : t.text)).join("") }));
      return { ...p, files };
    },
  },
  {
    name: "long-whitespace",
    apply: (p, ctx) =>
      editFile(p, ctx, "any", (text) => {
        const run = ctx.rng.pick([" ", "\t", "\n", " \n"]).repeat(ctx.rng.pick([100, 1000, 10_000]));
        // Inside a header is where backtracking patterns are.
        const m = ctx.rng.chance(0.6) ? /name:\s*\w*\s*/i.exec(text) : null;
        return m ? text.slice(0, m.index + m[0].length) + run + text.slice(m.index + m[0].length) : insertSomewhere(text, ctx, run);
      }),
  },
  {
    name: "block-header-whitespace",
    // The ReDoS of issue 13: a block-comment header with whitespace runs around the command.
    apply: (p, ctx) =>
      editFile(p, ctx, "query", (text) => {
        const n = ctx.rng.pick([25, 100, 1000]);
        return `/* name: GetT${" ".repeat(n)}:one${" ".repeat(n)}\nSELECT 1; */\n${text}`;
      }),
  },
  {
    name: "long-identifier",
    apply: (p, ctx) =>
      editFile(p, ctx, "any", (text) => {
        const tokens = tokenize(text);
        const words = tokenIndexes(tokens, (t) => t.kind === "word" && isCode(t));
        if (words.length === 0) return null;
        const at = ctx.rng.pick(words);
        return spliceTokens(tokens, at, at + 1, ctx.rng.pick(["a", "x_", "é"]).repeat(ctx.rng.pick([1000, 10_000, 100_000])));
      }),
  },
  {
    name: "hostile-file-name",
    apply: (p, ctx) => {
      const queries = p.files.filter((f) => f.path.startsWith(`${queriesDir}/`));
      if (queries.length === 0) return null;
      const target = ctx.rng.pick(queries);
      const name = ctx.rng.pick(["a\nexport const fromPath = 1;\n", "x*/y", "db", "index", "models", "a b", "class", "é", "a\tb"]);
      return { ...p, files: p.files.map((f) => (f === target ? { ...f, path: `${queriesDir}/${name}.sql` } : f)) };
    },
  },
];

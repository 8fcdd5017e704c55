/** Mutations of sqlc's syntax: `-- name:` headers, commands and the sqlc.* macros. */
import { editFile, headerPattern, spliceTokens, tokenIndexes, type Mutation, type MutationContext } from "./mutation.js";
import { tokenize, type Token } from "./sql-tokens.js";

const commands = [":one", ":many", ":exec", ":execrows", ":execlastid", ":execresult", ":batchexec", ":copyfrom", ":foo", "", "one", ":ONE", ":one :many", "::one"];
const names = ["class", "enum", "delete", "default", "null", "new", "function", "constructor", "__proto__", "await", "9lives", "", "Get-Thing", "x*/y", "Database", "GetThing", "getThing", "a".repeat(300)];
const macros = ["sqlc.arg(x)", "sqlc.narg(x)", "sqlc.slice(ids)", "sqlc.arg(select)", "sqlc.arg()", "sqlc.arg(a)(1)", "sqlc.foo(x)", "sqlc.arg(a, b)", "sqlc.slice(x)", "sqlc.arg('q')", "sqlc.arg(\"x y\")", "sqlc.narg(x)"];

/** Replaces one header line of a query file. */
function editHeader(p: Parameters<Mutation["apply"]>[0], ctx: MutationContext, edit: (header: Token, tokens: readonly Token[], index: number) => string | null) {
  return editFile(p, ctx, "query", (text) => {
    const tokens = tokenize(text);
    const headers = tokenIndexes(tokens, (t) => (t.kind === "line-comment" || t.kind === "block-comment") && headerPattern.test(t.text));
    if (headers.length === 0) return null;
    const at = ctx.rng.pick(headers);
    const replaced = edit(tokens[at], tokens, at);
    return replaced === null ? null : spliceTokens(tokens, at, at + 1, replaced);
  });
}

const headerParts = /^(--|\/\*)(\s*name:\s*)(\S*)(\s*)(\S*)(.*)$/is;

export const annotationMutations: readonly Mutation[] = [
  {
    name: "header-command",
    apply: (p, ctx) => editHeader(p, ctx, (h) => h.text.replace(headerParts, (_m, open: string, lead: string, name: string, gap: string, _cmd: string, rest: string) => `${open}${lead}${name}${gap || " "}${ctx.rng.pick(commands)}${rest}`)),
  },
  {
    name: "header-name",
    apply: (p, ctx) => editHeader(p, ctx, (h) => h.text.replace(headerParts, (_m, open: string, lead: string, _name: string, gap: string, cmd: string, rest: string) => `${open}${lead}${ctx.rng.pick(names)}${gap}${cmd}${rest}`)),
  },
  { name: "header-remove", apply: (p, ctx) => editHeader(p, ctx, () => "") },
  { name: "header-duplicate", apply: (p, ctx) => editHeader(p, ctx, (h) => `${h.text}\n${h.text}`) },
  {
    name: "header-block-form",
    apply: (p, ctx) => editHeader(p, ctx, (h) => (h.kind === "line-comment" ? `/* ${h.text.replace(/^--\s*/, "")} */` : `-- ${h.text.replace(/^\/\*\s*|\s*\*\/$/g, "")}`)),
  },
  {
    name: "header-move-up",
    // A header directly followed by the next header: the first query loses its SQL.
    apply: (p, ctx) => editHeader(p, ctx, (h, tokens, at) => (at + 2 < tokens.length ? `${h.text}\n-- name: Extra${ctx.rng.int(100)} :exec` : null)),
  },
  {
    name: "macro-insert",
    // A parameter or a column reference becomes a macro (well-formed or not).
    apply: (p, ctx) =>
      editFile(p, ctx, "query", (text) => {
        const tokens = tokenize(text);
        const spots = tokenIndexes(tokens, (t) => t.kind === "param" || (t.kind === "word" && /^[a-z_][a-z0-9_]*$/.test(t.text)));
        if (spots.length === 0) return null;
        const at = ctx.rng.pick(spots);
        const macro = ctx.rng.chance(0.2) ? `sqlc.embed(${tokens[at].text})` : ctx.rng.pick(macros);
        return spliceTokens(tokens, at, at + 1, macro);
      }),
  },
  {
    name: "macro-rename",
    apply: (p, ctx) =>
      editFile(p, ctx, "query", (text) => {
        if (!/sqlc\.\w+/.test(text)) return null;
        const all = [...text.matchAll(/sqlc\.(\w+)/g)];
        const m = ctx.rng.pick(all);
        const to = ctx.rng.pick(["arg", "narg", "slice", "embed", "args", "ARG", "Slice"]);
        return text.slice(0, m.index + 5) + to + text.slice(m.index + m[0].length);
      }),
  },
];

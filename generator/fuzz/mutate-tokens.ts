/** Blind mutations: tokens deleted, repeated, swapped or inserted; bytes and truncation. */
import { rawByte, type Project } from "./project.js";
import { editFile, insertSomewhere, spliceTokens, tokenIndexes, type Mutation, type MutationContext } from "./mutation.js";
import { isCode, splitSql, tokenize } from "./sql-tokens.js";

const keywords = ["SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "NULL", "IS", "IN", "JOIN", "LEFT", "ON", "GROUP BY", "ORDER BY", "LIMIT", "OFFSET", "UNION", "AS", "CASE", "WHEN", "END", "INSERT INTO", "VALUES", "UPDATE", "SET", "DELETE", "RETURNING", "WITH", "DISTINCT", "EXISTS", "BETWEEN", "LIKE", "COLLATE", "CAST", "PRIMARY KEY", "REFERENCES", "DEFAULT", "CHECK", "UNIQUE", "ILIKE", "::text", "FOR UPDATE", "INTERVAL"];
const punctuation = ["(", ")", ",", ";", ".", "*", "=", "==", "<>", "||", "?", "?0", "?32767", "$1", ":1", "@x", "-", "+", "/"];
const quotes = ["'", '"', "`", "[", "]", "''", '""'];
const commentOpeners = ["--", "/*", "*/", "-- name: X :one\n", "/*", "\n--"];
const controls = ["\u0000", "\u0000", "\u0001", "\u0007", "\u000b", "\u000c", "\u001b", "\u007f", "\u00a0"];
const badUtf8 = [[0xff], [0xc3], [0xe2, 0x82], [0x80], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]];

/** Replaces one code token (not whitespace or a comment) of a file chosen at random. */
function editCodeToken(p: Project, ctx: MutationContext, replace: (token: string) => string): Project | null {
  return editFile(p, ctx, "any", (text) => {
    const tokens = tokenize(text);
    const code = tokenIndexes(tokens, isCode);
    if (code.length === 0) return null;
    const at = ctx.rng.pick(code);
    return spliceTokens(tokens, at, at + 1, replace(tokens[at].text));
  });
}

export const tokenMutations: readonly Mutation[] = [
  { name: "delete-token", apply: (p, ctx) => editCodeToken(p, ctx, () => "") },
  { name: "duplicate-token", apply: (p, ctx) => editCodeToken(p, ctx, (t) => `${t} ${t}`) },
  {
    name: "swap-tokens",
    apply: (p, ctx) =>
      editFile(p, ctx, "any", (text) => {
        const tokens = tokenize(text);
        const code = tokenIndexes(tokens, isCode);
        if (code.length < 2) return null;
        const i = ctx.rng.int(code.length - 1);
        const [a, b] = ctx.rng.chance(0.7) ? [code[i], code[i + 1]] : [ctx.rng.pick(code), ctx.rng.pick(code)];
        const texts = tokens.map((t) => t.text);
        [texts[a], texts[b]] = [texts[b], texts[a]];
        return texts.join("");
      }),
  },
  { name: "insert-keyword", apply: (p, ctx) => editFile(p, ctx, "any", (text) => insertSomewhere(text, ctx, ` ${ctx.rng.pick(keywords)} `)) },
  { name: "insert-punctuation", apply: (p, ctx) => editFile(p, ctx, "any", (text) => insertSomewhere(text, ctx, ctx.rng.pick(punctuation))) },
  { name: "insert-quote", apply: (p, ctx) => editFile(p, ctx, "any", (text) => insertSomewhere(text, ctx, ctx.rng.pick(quotes), ctx.rng.chance(0.3))) },
  { name: "insert-comment-opener", apply: (p, ctx) => editFile(p, ctx, "any", (text) => insertSomewhere(text, ctx, ctx.rng.pick(commentOpeners), ctx.rng.chance(0.3))) },
  { name: "insert-control-char", apply: (p, ctx) => editFile(p, ctx, "any", (text) => insertSomewhere(text, ctx, ctx.rng.pick(controls), true)) },
  {
    name: "insert-invalid-utf8",
    apply: (p, ctx) => editFile(p, ctx, "any", (text) => insertSomewhere(text, ctx, ctx.rng.pick(badUtf8).map(rawByte).join(""), true)),
  },
  { name: "truncate", apply: (p, ctx) => editFile(p, ctx, "any", (text) => text.slice(0, ctx.rng.int(text.length))) },
  {
    name: "splice-statement",
    apply: (p, ctx) =>
      editFile(p, ctx, "query", (text) => {
        const donor = ctx.rng.pick(ctx.corpus).files;
        const file = ctx.rng.pick(donor);
        const statements = splitSql(file.text);
        if (statements.length === 0) return null;
        const s = ctx.rng.pick(statements);
        const from = s.comments.length > 0 ? s.comments[0].start : s.start;
        return insertSomewhere(text, ctx, `\n${file.text.slice(from, s.end)};\n`);
      }),
  },
];

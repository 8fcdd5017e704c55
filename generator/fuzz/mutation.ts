/** What a mutation is, and the helpers every family of mutations shares. */
import { isSchema, type Project, type ProjectFile } from "./project.js";
import type { Random } from "./random.js";
import { tokenize, type Token } from "./sql-tokens.js";

export interface MutationContext {
  readonly rng: Random;
  /** Every seed project: material to splice in. */
  readonly corpus: readonly Project[];
}

export interface Mutation {
  readonly name: string;
  /** The mutated project, or null when the mutation does not apply to this one. */
  readonly apply: (project: Project, ctx: MutationContext) => Project | null;
}

export type FileChoice = "query" | "schema" | "any";

/** Rewrites one file chosen at random (among queries, schema files or all); null if none fits. */
export function editFile(project: Project, ctx: MutationContext, choice: FileChoice, edit: (text: string, file: ProjectFile) => string | null): Project | null {
  const candidates = project.files.filter((f) => choice === "any" || (choice === "schema") === isSchema(f));
  if (candidates.length === 0) return null;
  const target = ctx.rng.pick(candidates);
  const text = edit(target.text, target);
  if (text === null || text === target.text) return null;
  return { ...project, files: project.files.map((f) => (f === target ? { ...f, text } : f)) };
}

/** Replaces tokens [from, to) of `text` with `insert`. */
export function spliceTokens(tokens: readonly Token[], from: number, to: number, insert: string): string {
  return [...tokens.slice(0, from).map((t) => t.text), insert, ...tokens.slice(to).map((t) => t.text)].join("");
}

/** Inserts `insert` at a random token boundary (or, with `anywhere`, at a random character). */
export function insertSomewhere(text: string, ctx: MutationContext, insert: string, anywhere = false): string {
  if (anywhere) {
    const at = ctx.rng.int(text.length + 1);
    return text.slice(0, at) + insert + text.slice(at);
  }
  const tokens = tokenize(text);
  const at = ctx.rng.int(tokens.length + 1);
  return spliceTokens(tokens, at, at, insert);
}

/** Indexes of the tokens that pass `test`. */
export function tokenIndexes(tokens: readonly Token[], test: (t: Token) => boolean): number[] {
  return tokens.flatMap((t, i) => (test(t) ? [i] : []));
}

export const headerPattern = /^(--|\/\*)\s*name:/i;

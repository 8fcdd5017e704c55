/** Reads the `-- name: Name :command` header (sqlc's syntax) from a statement's leading comments. */
import type { DiagnosticBag, Span } from "../diagnostics/diagnostic.js";
import type { Command } from "../ir/query-ir.js";
import type { LeadingComment } from "./split-statements.js";

export interface Annotation {
  readonly name: string;
  readonly command: Command;
  readonly span: Span;
  /** Documentation: comment lines directly above the header and those between it and the SQL. */
  readonly docs: readonly string[];
  /** `-- plan: …` lines among those comments: what the query plan must (not) do. */
  readonly plan: readonly PlanAssertionText[];
}

export interface PlanAssertionText {
  /** The assertion after `plan:`, e.g. `uses http_workspace_idx`. */
  readonly text: string;
  readonly span: Span;
}

const planLine = /^--\s*plan:\s*(.*?)\s*$/i;

const commands: readonly Command[] = ["one", "many", "exec", "execrows", "execlastid", "execresult"];
const unsupported = new Set(["batchexec", "batchmany", "batchone", "copyfrom"]);
const looksLikeHeader = /^(?:--|\/\*)\s*name\b/i;
const header = /^(?:--|\/\*)\s*name:\s*(\S*)\s*(\S*)\s*(.*?)\s*(?:\*\/)?\s*$/i;

/** Returns the annotation, `null` when the statement has none, or `"invalid"` after reporting why. */
export function readAnnotation(comments: readonly LeadingComment[], text: string, file: string, bag: DiagnosticBag): Annotation | null | "invalid" {
  const index = findLastIndex(comments, (c) => looksLikeHeader.test(c.text));
  if (index < 0) return null;
  const c = comments[index];
  const span = { start: c.start, end: c.end };
  const m = header.exec(c.text);
  const [, name = "", rawCommand = "", rest = ""] = m ?? [];
  const fix = "Write the header as `-- name: GetThing :one` (a TypeScript-safe name, then a command).";
  if (m === null || name === "" || name.startsWith(":") || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    bag.report("SG202", m === null || name === "" || name.startsWith(":") ? "query header has no name" : `query name "${name}" is not a valid identifier`, file, span, [fix]);
    return "invalid";
  }
  if (rawCommand === "" || !rawCommand.startsWith(":") || rest !== "") {
    bag.report("SG202", rawCommand === "" ? `query "${name}" has no command` : `query header for "${name}" is malformed`, file, span, [
      fix,
      `Commands: ${commands.map((x) => ":" + x).join(", ")}.`,
    ]);
    return "invalid";
  }
  const command = rawCommand.slice(1).toLowerCase();
  const commandSpan = { start: c.start + c.text.indexOf(rawCommand), end: c.start + c.text.indexOf(rawCommand) + rawCommand.length };
  if (unsupported.has(command)) {
    bag.report("SG204", `:${command} is not supported for SQLite`, file, commandSpan, [
      "sqlc's batch and copyfrom commands rely on PostgreSQL's pipeline and COPY protocols, which SQLite has no equivalent of.",
      "Use :exec inside a transaction for bulk writes.",
    ]);
    return "invalid";
  }
  if (!(commands as readonly string[]).includes(command)) {
    bag.report("SG203", `unknown command :${command}`, file, commandSpan, [`Use one of ${commands.map((x) => ":" + x).join(", ")}.`]);
    return "invalid";
  }
  const own = ownComments(comments, index, text);
  const plan = own.flatMap((x) => {
    const p = x.block ? null : planLine.exec(x.text);
    return p ? [{ text: p[1], span: { start: x.start, end: x.end } }] : [];
  });
  const docs = own.filter((x) => x.block || !planLine.test(x.text)).flatMap(commentLines);
  return { name, command: command as Command, span, docs, plan };
}

/** The comments that belong to the query: those directly above the header, and those after it. */
function ownComments(comments: readonly LeadingComment[], headerIndex: number, text: string): LeadingComment[] {
  const above: LeadingComment[] = [];
  for (let i = headerIndex - 1; i >= 0; i--) {
    const gap = text.slice(comments[i].end, comments[i + 1].start);
    if ((gap.match(/\n/g) ?? []).length > 1) break;
    above.unshift(comments[i]);
  }
  return [...above, ...comments.slice(headerIndex + 1)];
}

function commentLines(c: LeadingComment): string[] {
  if (!c.block) return [c.text.replace(/^--\s?/, "").trimEnd()];
  return c.text
    .replace(/^\/\*+/, "")
    .replace(/\*+\/$/, "")
    .split("\n")
    .map((l) => l.replace(/^\s*\*?\s?/, "").trimEnd())
    .filter((l, i, all) => l !== "" || (i > 0 && i < all.length - 1));
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return i;
  return -1;
}

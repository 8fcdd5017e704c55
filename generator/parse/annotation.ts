/** Reads the `-- name: Name :command` header (sqlc's syntax) from a statement's leading comments. */
import type { DiagnosticBag, Span } from "../diagnostics/diagnostic.js";
import type { Command } from "../ir/query-ir.js";
import { headerWords, isHeaderComment, type HeaderWord } from "./header.js";
import type { LeadingComment } from "./split-statements.js";

export interface Annotation {
  readonly name: string;
  readonly command: Command;
  readonly span: Span;
  /** The name within the header. */
  readonly nameSpan: Span;
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

const commands: readonly Command[] = ["one", "many", "exec", "execrows", "execlastid", "execresult"];
const unsupported = new Set(["batchexec", "batchmany", "batchone", "copyfrom"]);
const fix = "Write the header as `-- name: GetThing :one` (a TypeScript-safe name, then a command).";

/** Returns the annotation, `null` when the statement has none, or `"invalid"` after reporting why. */
export function readAnnotation(comments: readonly LeadingComment[], text: string, file: string, bag: DiagnosticBag): Annotation | null | "invalid" {
  const headers = comments.flatMap((c, i) => (isHeaderComment(c.text) ? [i] : []));
  if (headers.length === 0) return null;
  // Only the last header heads the statement; an earlier one has nothing under it.
  for (const i of headers.slice(0, -1)) {
    const words = headerWords(comments[i].text);
    const name = words.ok && words.name !== null ? ` "${words.name.text}"` : "";
    bag.report("SG206", `query${name} has no SQL after its header`, file, { start: comments[i].start, end: comments[i].end }, [
      "The next header follows it directly. Write the statement below the header, ending with `;`, or delete the header.",
    ]);
  }
  const index = headers[headers.length - 1];
  const c = comments[index];
  const header = readHeader(c, file, bag);
  if (header === "invalid") return "invalid";
  const own = ownComments(comments, index, text);
  const plan = own.flatMap((x) => {
    const p = x.block ? null : planText(x.text);
    return p === null ? [] : [{ text: p, span: { start: x.start, end: x.end } }];
  });
  const docs = own.filter((x) => x.block || planText(x.text) === null).flatMap(commentLines);
  return { ...header, docs, plan };
}

function readHeader(c: LeadingComment, file: string, bag: DiagnosticBag): Pick<Annotation, "name" | "nameSpan" | "command" | "span"> | "invalid" {
  const span = { start: c.start, end: c.end };
  const at = (w: HeaderWord) => ({ start: c.start + w.start, end: c.start + w.end });
  const words = headerWords(c.text);
  if (!words.ok) {
    bag.report("SG202", "query header needs a colon after `name`", file, at(words.missingColon), [fix]);
    return "invalid";
  }
  const { name, command: rawCommand, extra } = words;
  if (name === null || name.text.startsWith(":")) {
    bag.report("SG202", extra !== null && name === null ? "query header is malformed" : "query header has no name", file, span, [fix]);
    return "invalid";
  }
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name.text)) {
    bag.report("SG202", `query name "${name.text}" is not a valid identifier`, file, at(name), [fix]);
    return "invalid";
  }
  if (rawCommand === null || !rawCommand.text.startsWith(":") || extra !== null) {
    bag.report("SG202", rawCommand === null ? `query "${name.text}" has no command` : `query header for "${name.text}" is malformed`, file, span, [
      fix,
      `Commands: ${commands.map((x) => ":" + x).join(", ")}.`,
    ]);
    return "invalid";
  }
  const command = rawCommand.text.slice(1).toLowerCase();
  if (unsupported.has(command)) {
    bag.report("SG204", `:${command} is not supported for SQLite`, file, at(rawCommand), [
      "sqlc's batch and copyfrom commands rely on PostgreSQL's pipeline and COPY protocols, which SQLite has no equivalent of.",
      "Use :exec inside a transaction for bulk writes.",
    ]);
    return "invalid";
  }
  if (!(commands as readonly string[]).includes(command)) {
    bag.report("SG203", `unknown command :${command}`, file, at(rawCommand), [`Use one of ${commands.map((x) => ":" + x).join(", ")}.`]);
    return "invalid";
  }
  return { name: name.text, nameSpan: at(name), command: command as Command, span };
}

/** `-- plan: uses x_idx` → `uses x_idx`; any other comment → null. */
function planText(comment: string): string | null {
  const body = comment.slice(2).trimStart();
  return comment.startsWith("--") && body.slice(0, 5).toLowerCase() === "plan:" ? body.slice(5).trim() : null;
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
  return stripStars(c.text)
    .split("\n")
    .map((l) => l.replace(/^\s*\*?\s?/, "").trimEnd())
    .filter((l, i, all) => l !== "" || (i > 0 && i < all.length - 1));
}

/** A block comment without its opening `/*…` and closing `…*\/` (sliced, not matched: linear). */
function stripStars(text: string): string {
  let start = 2;
  while (text[start] === "*") start++;
  let end = text.length;
  if (text.endsWith("*/")) for (end -= 2; end > start && text[end - 1] === "*"; ) end--;
  return text.slice(start, end);
}

/**
 * Text from the user's files (comments, identifiers, paths) that goes into generated comments.
 * Nothing in it may end a comment or a line early: `*​/` is broken up, and control characters,
 * line and paragraph separators and bidirectional overrides are written as visible escapes.
 * Every comment the emitters write passes through here.
 */

// C0 controls but tab, DEL and C1 controls, LINE/PARAGRAPH SEPARATOR, bidi embeddings/overrides/isolates.
const unsafe = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeUnsafe(text: string): string {
  return text.replace(unsafe, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** One line of a `/** … *​/` comment. */
export function docLine(text: string): string {
  return escapeUnsafe(text).replace(/\*\//g, "*\\/");
}

/** A JSDoc body from lines (ts-printer.ts adds the `/**`, ` * ` and `*​/`). */
export function docText(lines: readonly string[]): string {
  return lines.map(docLine).join("\n");
}

/** Text for a `//` comment: one line, whatever it contains. */
export function lineCommentText(text: string): string {
  return escapeUnsafe(text);
}

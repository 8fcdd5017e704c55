/** What the fuzzer reports: a finding's kind (what went wrong) and a one-line detail. */
export const findingKinds = [
  "crash",
  "internal-error",
  "hang",
  "no-position",
  "written-on-error",
  "sqlite-rejects-accepted",
  "gen-rejects-valid",
  "does-not-compile",
  "control-char-in-output",
  "bad-bytes-accepted",
  "injection",
  "declaration-mismatch",
  "fuzzer-error",
] as const;

export type FindingKind = (typeof findingKinds)[number];

export interface Finding {
  readonly kind: FindingKind;
  readonly detail: string;
}

/**
 * Groups findings that are likely one defect: the kind and the detail's first line with file
 * names, positions, quoted and schema names and numbers blurred.
 */
export function signature(f: Finding): string {
  const detail = f.detail
    .split("\n")[0]
    .replace(/\([^()]*\.sql(?::\d+)*\)/g, "()")
    .replace(/[^\s(]*\.(?:ts|sql)\b(?::\d+)*:?/g, "")
    .replace(/^\w+ \(\s*\):\s*/, "")
    .replace(/(no such (?:table|column): |referencing |column named |offset )\S+/g, "$1…")
    .replace(/"[^"]*"|'[^']*'|`[^`]*`/g, "…")
    .replace(/\d+/g, "#")
    .slice(0, 80);
  return `${f.kind}: ${detail}`;
}

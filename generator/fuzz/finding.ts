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

/** Groups findings that are likely one defect: the kind and the detail with names and numbers blurred. */
export function signature(f: Finding): string {
  const detail = f.detail
    .split("\n")[0]
    .replace(/"[^"]*"|'[^']*'|`[^`]*`/g, "…")
    .replace(/\d+/g, "#")
    .slice(0, 80);
  return `${f.kind}: ${detail}`;
}

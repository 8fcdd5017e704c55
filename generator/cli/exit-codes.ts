/** Exit codes, documented in the README and in `--help`; CI scripts depend on them. */
export const exitCodes = {
  ok: 0,
  /** Invalid input: an error in the schema, a query or the config (or any warning under --strict). */
  invalid: 1,
  /** `check` only: the input is valid but the output folder differs from what would be generated. */
  stale: 2,
  /** The command line itself is wrong (unknown flag, bad value): sysexits' EX_USAGE. */
  usage: 64,
} as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

export const exitCodesHelp = `
Exit codes:
  0   success (check: the output is current)
  1   invalid input: errors in schema, queries or config (with --strict, warnings too)
  2   check only: the output folder is out of date
  64  usage error: unknown option or bad option value`;

/** The worst of several runs (one per sqlc entry): invalid input outranks stale output. */
export function worst(codes: readonly ExitCode[]): ExitCode {
  return codes.includes(exitCodes.invalid) ? exitCodes.invalid : codes.includes(exitCodes.stale) ? exitCodes.stale : exitCodes.ok;
}

/** Messages between the fuzzer and its worker processes. */
import type { CaseResult } from "./check-case.js";
import type { Project } from "./project.js";

export type Job = { readonly kind: "case"; readonly dir: string; readonly project: Project } | { readonly kind: "typecheck"; readonly dirs: readonly string[] };

export type JobResult =
  | { readonly kind: "case"; readonly result: CaseResult }
  | { readonly kind: "typecheck"; readonly errors: readonly (readonly [string, readonly string[]])[] }
  /** The job threw inside the fuzzer itself (not the generator): a bug of the fuzzer. */
  | { readonly kind: "error"; readonly message: string };

export interface Request {
  readonly id: number;
  readonly job: Job;
}

export interface Reply {
  readonly id: number;
  readonly result: JobResult;
}

/** What the suite hands a runner process (a JSON file), and what the runner prints back. */
import type { Encoded } from "./values.js";

export interface Call {
  /** The generated module, relative to the case's compiled output folder (e.g. "query.js"). */
  readonly module: string;
  readonly fn: string;
  readonly params: Encoded | undefined;
}

export interface CaseJob {
  readonly name: string;
  /** The case's compiled output folder (absolute). */
  readonly dir: string;
  readonly schema: string;
  /** INSERTs of the seeded rows, parents before children: valid with foreign keys on. */
  readonly seed: string;
  readonly calls: readonly Call[];
}

export interface Job {
  /** The compiled adapter module (absolute path): `open()` gives a fresh database. */
  readonly adapter: string;
  readonly cases: readonly CaseJob[];
}

/** Per case, per call in order: the encoded result, or the class of the error it threw. */
export type Outcome = { readonly ok: Encoded } | { readonly error: string; readonly message: string };
export type JobResult = Readonly<Record<string, readonly Outcome[] | { readonly setupFailed: string }>>;

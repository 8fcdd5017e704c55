/**
 * The one place the fuzzer calls the generator: the CLI's `run(argv, io)` in-process, once as
 * `describe --json` and once as `generate` into `out/`. The CLI rather than the pure `generate()`,
 * so that reading files (raw bytes, invalid UTF-8, odd file names) and writing output are fuzzed too.
 */
import { run } from "../cli/run.js";
import { queriesDir, schemaDir } from "./project.js";

export interface DescribedQuery {
  readonly name: string;
  readonly command: string;
  readonly file: string;
  readonly line: number;
  readonly sql: string;
  readonly params: readonly unknown[];
  readonly columns: readonly unknown[];
  readonly result: { readonly kind: "none" | "scalar" | "row"; readonly model?: string | null };
}

export interface DescribedDiagnostic {
  readonly severity: "error" | "warning";
  readonly code: string;
  readonly file: string | null;
  readonly line: number | null;
  readonly col: number | null;
  readonly message: string;
}

export interface Described {
  readonly queries: readonly DescribedQuery[];
  readonly diagnostics: readonly DescribedDiagnostic[];
}

export interface GeneratorRun {
  /** Exit code of `generate`, or null when it threw. */
  readonly exitCode: number | null;
  /** What `describe --json` printed, or null when it threw or printed no JSON. */
  readonly described: Described | null;
  /** The uncaught exception's stack, if either run threw. */
  readonly thrown: string | null;
  readonly stderr: string;
}

export const outDir = "out";

export async function runGenerator(cwd: string): Promise<GeneratorRun> {
  const paths = ["--schema", schemaDir, "--queries", queriesDir];
  let stdout = "";
  let stderr = "";
  const io = { cwd, stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t) };
  try {
    await run(["describe", "--json", ...paths], io);
    const described = JSON.parse(stdout) as Described;
    const exitCode = await run(["generate", ...paths, "--out", outDir], io);
    return { exitCode, described, thrown: null, stderr };
  } catch (e) {
    return { exitCode: null, described: null, thrown: e instanceof Error ? (e.stack ?? e.message) : String(e), stderr };
  }
}

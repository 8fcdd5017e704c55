/** Runs the CLI in-process, capturing what it prints. */
import { run } from "../../cli/run.js";

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `buildId` stands for a bundled build, which keeps results (see cli/result-cache.ts); none by default. */
export async function runCli(argv: readonly string[], cwd: string, buildId?: string): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, { cwd, buildId, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

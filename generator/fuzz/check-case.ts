/** One case end to end, in the worker: write the project, run the generator, apply every per-case oracle. */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Finding } from "./finding.js";
import { outDir, runGenerator } from "./generator-adapter.js";
import { checkOutput } from "./oracle-output.js";
import { checkRun, listFiles, sentinelName, sentinelText } from "./oracle-run.js";
import { checkAccepted, checkRejected, nativeSchema } from "./oracle-sqlite.js";
import { writeProject, type Project } from "./project.js";

export interface CaseResult {
  readonly findings: readonly Finding[];
  /** The run succeeded: its output (in `<dir>/out`) still needs a type-check. */
  readonly accepted: boolean;
  /** Hash of the output files, so identical outputs are type-checked once. */
  readonly outputHash: string | null;
}

export async function checkCase(dir: string, project: Project): Promise<CaseResult> {
  rmSync(dir, { recursive: true, force: true });
  writeProject(dir, project);
  const out = join(dir, outDir);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, sentinelName), sentinelText);
  const run = await runGenerator(dir);
  const findings: Finding[] = [...checkRun(run, project, out)];
  if (run.described === null) return { findings, accepted: false, outputHash: null };
  const accepted = run.exitCode === 0;
  const output = accepted ? checkOutput(out, run.described) : { findings: [], sql: new Map<string, string>() };
  findings.push(...output.findings);
  const db = nativeSchema(project);
  try {
    findings.push(...checkAccepted(db, run.described, output.sql), ...checkRejected(db, project, run.described));
  } finally {
    db.close();
  }
  return { findings, accepted, outputHash: accepted ? hashFiles(out) : null };
}

function hashFiles(dir: string): string {
  const hash = createHash("sha256");
  for (const name of listFiles(dir)) hash.update(`${name}\0`).update(readFileSync(join(dir, name))).update("\0");
  return hash.digest("hex");
}

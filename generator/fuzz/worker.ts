/** A worker process: runs jobs one at a time, so the parent can time each out and kill it on a hang. */
import { assertNever } from "../parse/ast.js";
import { checkCase } from "./check-case.js";
import type { Job, JobResult, Reply, Request } from "./protocol.js";
import { typecheckOutputs } from "./typecheck-output.js";

async function perform(job: Job): Promise<JobResult> {
  switch (job.kind) {
    case "case":
      return { kind: "case", result: await checkCase(job.dir, job.project) };
    case "typecheck":
      return { kind: "typecheck", errors: [...typecheckOutputs(job.dirs)] };
    default:
      return assertNever(job);
  }
}

process.on("message", (message) => {
  const { id, job } = message as Request;
  void perform(job)
    .catch((e: unknown): JobResult => ({ kind: "error", message: e instanceof Error ? (e.stack ?? e.message) : String(e) }))
    .then((result) => process.send!({ id, result } satisfies Reply));
});

/** `npm run fuzz -- --cases N --seed S`: exit 1 on any finding, printing each minimised repro. */
import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { Command, InvalidArgumentError } from "commander";
import { runCampaign } from "./campaign.js";
import { groupsText, markdown, summaryText } from "./report.js";

function integer(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("expected a non-negative integer");
  return n;
}

const program = new Command("fuzz")
  .description("Mutates the repo's queries, schemas and golden cases and checks every run of the generator against SQLite.")
  .option("--cases <n>", "number of cases", integer, 1000)
  .option("--seed <s>", "seed: the same seed gives the same cases", integer, 1)
  .option("--timeout <ms>", "a case running longer is a hang", integer, 10_000)
  .option("--workers <n>", "worker processes", integer, Math.max(1, Math.min(4, cpus().length)))
  .option("--time-limit <s>", "start no new case after this many seconds", integer, 24 * 3600)
  .option("--minimise <n>", "findings to minimise per kind", integer, 3)
  .option("--minimise-seconds <s>", "time budget for minimising", integer, 600)
  .option("--markdown <file>", "also write the findings as Markdown")
  .parse();
const o = program.opts<{ cases: number; seed: number; timeout: number; workers: number; timeLimit: number; minimise: number; minimiseSeconds: number; markdown?: string }>();

const report = await runCampaign({
  cases: o.cases,
  seed: o.seed,
  timeoutMs: o.timeout,
  workers: o.workers,
  timeLimitMs: o.timeLimit * 1000,
  minimisePerKind: o.minimise,
  minimiseBudgetMs: o.minimiseSeconds * 1000,
  progress: (line) => process.stderr.write(`${line}\n`),
});
const text = groupsText(report);
process.stdout.write(`${summaryText(report, o.seed)}\n${text ? `\n${text}\n` : ""}`);
if (o.markdown) writeFileSync(o.markdown, markdown(report, o.seed, `npm run fuzz -- ${process.argv.slice(2).join(" ")}`));
process.exitCode = report.groups.length > 0 ? 1 : 0;

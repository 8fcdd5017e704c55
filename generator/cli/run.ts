/**
 * The CLI: `run(argv, io)` parses arguments, loads the config, runs the pipeline once per target,
 * renders diagnostics and returns the exit code (see exit-codes.ts). It never calls process.exit,
 * so tests run it in-process.
 */
import { Command, CommanderError, Option } from "commander";
import { loadConfig } from "../config/load-config.js";
import type { Flags } from "../config/options.js";
import { DiagnosticBag } from "../diagnostics/diagnostic.js";
import { exitCodes, exitCodesHelp, worst, type ExitCode } from "./exit-codes.js";
import { generateOnce, readInputs, type Mode, type RunContext } from "./generate-once.js";
import { generate } from "../pipeline/generate.js";
import { cachedRun } from "./result-cache.js";
import { preloadSqlite } from "../sqlite/analysis-db.js";
import { Reporter } from "./reporter.js";
import { formats, type Format } from "./render-formats.js";
import { driverNames } from "../targets/drivers.js";
import { importExtensions } from "../emit/import-extension.js";
import { packageVersion } from "./version.js";
import { watchProject } from "./watch.js";

export interface Io {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Ends `gen watch` (the CLI passes one aborted on Ctrl-C). */
  readonly signal?: AbortSignal;
  /** The name the user ran (`sqlgen` or `gen`), repeated in messages and advice; `gen` when unknown. */
  readonly command?: string;
  /** Identifies the running build of sqlgen; when set, one-shot runs keep their result (see result-cache.ts). */
  readonly buildId?: string | null;
}

type CliFlags = Flags & { readonly file?: string; readonly format?: Format; readonly json?: boolean; readonly cache?: boolean };

const definedOnly = (flags: CliFlags): CliFlags => Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined));

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

export async function run(argv: readonly string[], io: Io): Promise<number> {
  let chosen: { mode: Mode | "watch" | "lsp"; flags: CliFlags } | undefined;
  const program = new Command(io.command ?? "gen")
    .description("Typed TypeScript from annotated SQLite queries, checked by SQLite itself.")
    .version(packageVersion(), "-V, --version", "print the version")
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError()
    .addHelpText("after", exitCodesHelp);
  const withFlags = (c: Command) =>
    c
      .option("-f, --file <path>", "config file (default: sqlgen.json, else sqlc.yaml/sqlc.yml/sqlc.json)")
      .option("--schema <path>", "schema file or folder of *.sql, applied in order (repeat for more)", collect)
      .option("--queries <path>", "query file or folder of *.sql (repeat for more)", collect)
      .option("--out <dir>", "output folder")
      .option("--strict", "warnings fail the run (exit 1)")
      .addOption(new Option("--driver <name>", "the driver generated code runs on (default: better-sqlite3)").choices(driverNames))
      .addOption(new Option("--import-extension <ext>", 'extension of relative imports in generated files (default: ".js"; ".ts" for Node\'s type stripping)').choices(importExtensions))
      .option("--emit-exact-table-names", "name models exactly after their tables (users → Users), not singular (users → User)")
      .addOption(new Option("--format <format>", "how diagnostics are printed (default: text)").choices(formats))
      .option("--no-cache", "analyse again even when the input is that of the last run (see node_modules/.cache/sqlgen)");
  // `gen --strict check` parses --strict as the program's option: the command's own flags win, the rest carry over.
  const on = (mode: Mode | "watch" | "lsp") => (flags: CliFlags) => void (chosen = { mode, flags: { ...program.opts<CliFlags>(), ...definedOnly(flags) } });
  withFlags(program).action(on("generate"));
  withFlags(program.command("generate").description("write the output folder (the default command)")).action(on("generate"));
  withFlags(program.command("check").description("write nothing; exit 2 with a diff when the output folder is out of date")).action(on("check"));
  withFlags(program.command("watch").description("generate now and again on every change to a .sql file, until stopped")).action(on("watch"));
  withFlags(program.command("describe").description("write nothing; print the analysis").option("--json", "as JSON (the only format for now)")).action(on("describe"));
  withFlags(program.command("lsp").description("language server for editors, on stdio")).action(on("lsp"));
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    throw e;
  }
  if (chosen === undefined) return exitCodes.usage;
  const { mode, flags } = chosen;
  const buildId = flags.cache === false ? null : (io.buildId ?? null);
  // SQLite compiles in the background while the configuration and the SQL files are read, unless
  // a kept result may make it unnecessary (loading it would delay the exit).
  if (mode !== "lsp" && (buildId === null || mode === "watch")) preloadSqlite();
  const bag = new DiagnosticBag();
  const config = loadConfig(io.cwd, flags, bag);
  const reporter = new Reporter(flags.format ?? "text", io, config.file === null ? [] : [config.file]);
  for (const notice of config.notices) reporter.notice(notice);
  if (bag.hasErrors) {
    for (const d of bag.all) reporter.diagnostic(d);
    return exitCodes.invalid;
  }
  const context: RunContext = { reporter, io, rerun: { command: io.command ?? "gen", argv } };
  if (mode === "lsp") {
    // Serves on the process's stdio until the client says exit; loaded only for this command.
    (await import("../lsp/server.js")).startLanguageServer(io.cwd, flags);
    return exitCodes.ok;
  }
  if (mode === "watch") {
    await Promise.all(config.targets.map((target) => watchProject(target, context)));
    return exitCodes.ok;
  }
  return runTargets(mode);

  async function runTargets(m: Mode): Promise<ExitCode> {
    const codes: ExitCode[] = [];
    for (const target of config.targets) {
      const runner = buildId === null ? generate : cachedRun(target.cwd, target.out, buildId, generate);
      codes.push(await generateOnce(target, m, context, readInputs(target), runner));
    }
    return worst(codes);
  }
}

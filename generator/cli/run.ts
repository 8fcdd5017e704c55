/**
 * The CLI: `run(argv, io)` parses arguments, runs the pipeline, renders diagnostics and returns
 * the exit code. It never calls process.exit, so tests run it in-process.
 */
import { resolve } from "node:path";
import { Command, CommanderError } from "commander";
import { resolveOptions, type Flags, type Options } from "../config/options.js";
import { drift } from "../output/drift.js";
import { writeOutput } from "../output/write-output.js";
import { DiagnosticBag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { generate } from "../pipeline/generate.js";
import type { SourceFile } from "../source/source-file.js";
import { describeJson } from "./describe.js";
import { readProject } from "./read-project.js";
import { plural, renderDiagnostic, summary } from "./render.js";
import { watchProject } from "./watch.js";

export interface Io {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Ends `gen watch` (the CLI passes one aborted on Ctrl-C). */
  readonly signal?: AbortSignal;
}

type Mode = "generate" | "check" | "describe" | "watch" | "lsp";

export async function run(argv: readonly string[], io: Io): Promise<number> {
  let chosen: { mode: Mode; flags: Flags & { json?: boolean } } | undefined;
  const program = new Command("gen")
    .description("Typed TypeScript from annotated SQLite queries, checked by SQLite itself.")
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError();
  const withPaths = (c: Command) =>
    c
      .option("--schema <path>", "schema file or folder of *.sql, applied in lexical order", undefined)
      .option("--queries <path>", "query file or folder of *.sql")
      .option("--out <dir>", "output folder");
  withPaths(program).action((flags: Flags) => void (chosen = { mode: "generate", flags }));
  withPaths(program.command("generate").description("write generated/ (the default command)")).action((flags: Flags) => void (chosen = { mode: "generate", flags }));
  withPaths(program.command("check").description("write nothing; exit 1 with a diff when generated/ is out of date")).action((flags: Flags) => void (chosen = { mode: "check", flags }));
  withPaths(program.command("watch").description("generate now and again on every change to a .sql file, until stopped")).action(
    (flags: Flags) => void (chosen = { mode: "watch", flags }),
  );
  withPaths(program.command("describe").description("write nothing; print the analysis").option("--json", "as JSON (the only format for now)")).action(
    (flags: Flags) => void (chosen = { mode: "describe", flags }),
  );
  withPaths(program.command("lsp").description("language server for editors, on stdio")).action((flags: Flags) => void (chosen = { mode: "lsp", flags }));
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
  if (chosen === undefined) return 2;
  if (chosen.mode === "lsp") {
    // Serves on the process's stdio until the client says exit; loaded only for this command.
    (await import("../lsp/server.js")).startLanguageServer(io.cwd, chosen.flags);
    return 0;
  }
  const options = resolveOptions(io.cwd, chosen.flags);
  if (chosen.mode === "watch") {
    return watchProject(options, io);
  }
  return generateOnce(options, chosen.mode, io);
}

async function generateOnce(options: Options, mode: "generate" | "check" | "describe", io: Io): Promise<number> {
  const reading = new DiagnosticBag();
  const input = readProject(options, reading);
  const result = await generate({ ...input, options: { ...input.options, emit: mode !== "describe" && !reading.hasErrors } });
  const diagnostics = [...reading.all, ...result.diagnostics];
  const sources = new Map([...input.schema, ...input.queries].map((f) => [f.path, f]));
  const failed = diagnostics.some((d) => d.severity === "error");
  if (mode === "describe") {
    io.stdout(describeJson(result.program, diagnostics, sources));
    return failed ? 1 : 0;
  }
  report(diagnostics, sources, io);
  if (failed || result.files === null) {
    io.stderr(`gen: ${summary(diagnostics)}; ${options.out}/ was left untouched\n`);
    return 1;
  }
  const outDir = resolve(options.cwd, options.out);
  if (mode === "check") {
    const diff = drift(outDir, options.out, result.files);
    if (diff === "") return 0;
    io.stdout(diff);
    io.stderr(`gen check: ${options.out}/ is out of date; run \`npx gen\` and commit the result\n`);
    return 1;
  }
  writeOutput(outDir, result.files);
  const queries = result.program.modules.reduce((n, m) => n + m.queries.length, 0);
  io.stderr(`gen: ${plural(queries, "query")} in ${plural(result.program.modules.length, "file")} → ${options.out}/ (${summary(diagnostics)})\n`);
  return 0;
}

function report(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, SourceFile>, io: Io): void {
  for (const d of diagnostics) io.stderr(renderDiagnostic(d, sources) + "\n\n");
}

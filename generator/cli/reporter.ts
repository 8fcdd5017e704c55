/**
 * Where everything the CLI says goes, in the chosen format. Human summaries always go to stderr;
 * diagnostics go to stderr as text, or to stdout as JSON lines / GitHub annotations for CI to read.
 */
import type { Notice } from "../config/sqlc-config.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Drift } from "../output/drift.js";
import type { SourceFile } from "../source/source-file.js";
import { renderDiagnostic } from "./render.js";
import { diagnosticGithub, diagnosticJson, noticeGithub, noticeJson, placeOf, staleGithub, staleJson, type Format } from "./render-formats.js";
import type { Io } from "./run.js";

export class Reporter {
  private readonly configSources: ReadonlyMap<string, SourceFile>;

  constructor(
    readonly format: Format,
    readonly io: Io,
    configFiles: readonly SourceFile[],
  ) {
    this.configSources = new Map(configFiles.map((f) => [f.path, f]));
  }

  diagnostic(d: Diagnostic, runSources: ReadonlyMap<string, SourceFile> = new Map()): void {
    const sources = new Map([...this.configSources, ...runSources]);
    switch (this.format) {
      case "text":
        return this.io.stderr(renderDiagnostic(d, sources) + "\n\n");
      case "json":
        return this.io.stdout(diagnosticJson(d, sources) + "\n");
      case "github":
        return this.io.stdout(diagnosticGithub(d, sources) + "\n");
    }
  }

  notice(n: Notice): void {
    switch (this.format) {
      case "text": {
        const place = placeOf(n.file, n.span, this.configSources);
        return this.io.stderr(`${n.file}${place === null ? "" : `:${place.line}:${place.col}`}: note: ${n.message}\n`);
      }
      case "json":
        return this.io.stdout(noticeJson(n, this.configSources) + "\n");
      case "github":
        return this.io.stdout(noticeGithub(n, this.configSources) + "\n");
    }
  }

  /** `check` found these files out of date; the diff is printed in text and github formats (logs). */
  drift(changes: readonly Drift[], advice: string): void {
    if (this.format !== "json") this.io.stdout(changes.map((c) => c.patch).join(""));
    for (const c of changes) {
      if (this.format === "json") this.io.stdout(staleJson(c.file) + "\n");
      if (this.format === "github") this.io.stdout(staleGithub(c.file, advice) + "\n");
    }
  }

  status(line: string): void {
    this.io.stderr(line + "\n");
  }
}

/**
 * sqlgen as a library: the pure `generate()` pipeline and the data it returns (the IR, diagnostics,
 * output files). The CLI is one user of it; editors, bundler plugins and tests are others.
 */
export { generate, type GenerateInput, type GenerateOptions, type GenerateResult } from "./pipeline/generate.js";
export type { Diagnostic, Severity, Span } from "./diagnostics/diagnostic.js";
export { catalogue, type DiagnosticCode } from "./diagnostics/catalogue.js";
export type { SourceFile } from "./source/source-file.js";
export type * from "./ir/query-ir.js";

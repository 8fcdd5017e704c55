/**
 * Type-checks files with the TypeScript compiler API under the strictest settings users run
 * (strict, noUncheckedIndexedAccess, exactOptionalPropertyTypes, verbatimModuleSyntax,
 * isolatedDeclarations, erasableSyntaxOnly). `extra` adds options, e.g. a driver's global types
 * (Cloudflare's workers types replace the DOM library, so they are checked in a program of their own).
 */
import ts from "typescript";

export function typecheck(rootNames: readonly string[], extra: ts.CompilerOptions = {}): string[] {
  const program = ts.createProgram(rootNames, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    noUnusedLocals: true,
    noUnusedParameters: true,
    noImplicitReturns: true,
    noImplicitOverride: true,
    noFallthroughCasesInSwitch: true,
    noUncheckedIndexedAccess: true,
    noPropertyAccessFromIndexSignature: true,
    exactOptionalPropertyTypes: true,
    verbatimModuleSyntax: true,
    isolatedModules: true,
    isolatedDeclarations: true,
    declaration: true,
    erasableSyntaxOnly: true,
    skipLibCheck: true,
    types: [],
    ...extra,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file && d.start !== undefined ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: ` : "";
    return where + ts.flattenDiagnosticMessageText(d.messageText, "\n");
  });
}

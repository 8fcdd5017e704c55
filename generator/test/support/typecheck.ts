/**
 * Type-checks files with the TypeScript compiler API under the strictest settings users run
 * (strict, noUncheckedIndexedAccess, exactOptionalPropertyTypes, verbatimModuleSyntax,
 * isolatedDeclarations, erasableSyntaxOnly). `types` names the @types packages the files may use
 * (none by default: generated code needs none; a driver built into Node needs "node").
 */
import ts from "typescript";

/** `options` adds to the settings, e.g. `paths` that make a driver's published types resolvable. */
export function typecheck(rootNames: readonly string[], options: ts.CompilerOptions = {}): string[] {
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
    ...options,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file && d.start !== undefined ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: ` : "";
    return where + ts.flattenDiagnosticMessageText(d.messageText, "\n");
  });
}

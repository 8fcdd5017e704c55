/**
 * Type-checks files with the TypeScript compiler API under the strictest settings users run
 * (strict, noUncheckedIndexedAccess, exactOptionalPropertyTypes, verbatimModuleSyntax,
 * isolatedDeclarations, erasableSyntaxOnly).
 */
import ts from "typescript";

/**
 * `modules` maps package names to absolute folders, for files outside the repo (generated into a
 * temp folder) that import a driver: they type-check against the driver's own published types.
 */
export function typecheck(rootNames: readonly string[], modules: Readonly<Record<string, string>> = {}): string[] {
  const program = ts.createProgram(rootNames, {
    paths: Object.fromEntries(Object.entries(modules).map(([name, dir]) => [name, [dir]])),
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
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file && d.start !== undefined ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: ` : "";
    return where + ts.flattenDiagnosticMessageText(d.messageText, "\n");
  });
}

/**
 * Checks on accepted output: no control characters, every file parses, and the files declare
 * exactly what the IR says (one function per query, named from it). A comment that breaks out
 * of its JSDoc, or a name or path that breaks out of a line comment, shows up as an extra statement.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { queryIdentifiers } from "../analyze/naming.js";
import type { Finding } from "./finding.js";
import type { Described, DescribedQuery } from "./generator-adapter.js";
import { listFiles, sentinelName } from "./oracle-run.js";

export interface OutputCheck {
  readonly findings: readonly Finding[];
  /** The SQL constant of each query (`getThingSql` → its text), for SQLite to prepare. */
  readonly sql: ReadonlyMap<string, string>;
}

export function checkOutput(outDir: string, described: Described): OutputCheck {
  const findings: Finding[] = [];
  const sql = new Map<string, string>();
  const actual: string[] = [];
  let unparsed = false;
  for (const name of listFiles(outDir).filter((f) => f !== sentinelName)) {
    const text = readFileSync(join(outDir, name), "utf8");
    const control = /[\u0000-\u0008\u000b-\u001f\u007f]/.exec(text);
    if (control) findings.push({ kind: "control-char-in-output", detail: `${name} has U+${control[0].charCodeAt(0).toString(16).padStart(4, "0")}` });
    const file = ts.createSourceFile(name, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    const syntax = (file as unknown as { readonly parseDiagnostics: readonly ts.Diagnostic[] }).parseDiagnostics;
    if (syntax.length > 0) {
      findings.push({ kind: "does-not-compile", detail: `${name}: ${ts.flattenDiagnosticMessageText(syntax[0].messageText, " ")}` });
      unparsed = true;
      continue;
    }
    if (name === "db.ts") continue;
    for (const s of file.statements) {
      const d = declaration(s, name);
      if (d === null) findings.push({ kind: "injection", detail: `${name}: unexpected statement \`${s.getText(file).slice(0, 80)}\`` });
      else if (d !== "") actual.push(d);
      const variable = ts.isVariableStatement(s) ? s.declarationList.declarations[0] : undefined;
      const init = variable?.initializer;
      if (variable && init && (ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init))) sql.set(variable.name.getText(file), init.text);
    }
  }
  // schema.ts declares the same two names whatever the schema (its SQL is only in string literals).
  const schema = listFiles(outDir).includes("schema.ts") ? ["export const migrations", "export function migrate"] : [];
  const expected = [...described.queries.flatMap(expectedDeclarations), ...schema];
  for (const extra of without(actual, expected)) findings.push({ kind: "injection", detail: `unexpected declaration ${extra}` });
  // A file that does not parse declares nothing we can count; its failure is already reported.
  if (!unparsed) for (const missing of without(expected, actual)) findings.push({ kind: "declaration-mismatch", detail: `missing declaration ${missing}` });
  return { findings, sql };
}

/**
 * A top-level statement as `export? kind name`; "" for statements that are fine but not counted
 * (imports of the runtime and models, models, index re-exports); null for anything unexpected.
 */
function declaration(s: ts.Statement, file: string): string | null {
  const exported = ts.canHaveModifiers(s) && (ts.getModifiers(s) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ? "export " : "";
  if (ts.isExportDeclaration(s) && s.moduleSpecifier === undefined && s.exportClause !== undefined && ts.isNamedExports(s.exportClause) && s.exportClause.elements.length === 0) return ""; // `export {};` of an empty module
  if (file === "index.ts") return ts.isExportDeclaration(s) && s.exportClause === undefined && /^\.\/[\w.-]+\.js$/.test(moduleName(s.moduleSpecifier)) ? "" : null;
  if (file === "models.ts") return ts.isInterfaceDeclaration(s) && exported ? "" : null;
  if (ts.isImportDeclaration(s)) return ["./db.js", "./models.js"].includes(moduleName(s.moduleSpecifier)) ? "" : null;
  if (ts.isVariableStatement(s) && s.declarationList.declarations.length === 1) return `${exported}const ${s.declarationList.declarations[0].name.getText()}`;
  if (ts.isInterfaceDeclaration(s)) return `${exported}interface ${s.name.text}`;
  if (ts.isTypeAliasDeclaration(s)) return `${exported}type ${s.name.text}`;
  if (ts.isFunctionDeclaration(s) && s.name) return `${exported}function ${s.name.text}`;
  return null;
}

function moduleName(specifier: ts.Expression | undefined): string {
  return specifier && ts.isStringLiteral(specifier) ? specifier.text : "";
}

/** What query-module emission declares for one query. */
function expectedDeclarations(q: DescribedQuery): string[] {
  const n = queryIdentifiers(q.name);
  const rows = q.result.kind !== "none";
  const rowType = q.result.kind !== "row" ? [] : [q.result.model == null ? `export interface ${n.row}` : `export type ${n.row}`];
  return [
    `export const ${n.sql}`,
    ...(q.params.length > 0 ? [`export interface ${n.params}`] : []),
    ...rowType,
    ...(rows ? [`function ${n.mapper}`] : []),
    `const ${n.statement}`,
    `export function ${n.fn}`,
    ...(rows && q.command === "many" ? [`export function ${n.iterate}`] : []),
  ];
}

/** Multiset difference: the items of `a` not matched by one in `b`. */
function without(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const x of b) left.set(x, (left.get(x) ?? 0) + 1);
  return a.filter((x) => {
    const n = left.get(x) ?? 0;
    if (n > 0) left.set(x, n - 1);
    return n === 0;
  });
}

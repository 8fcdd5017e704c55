/**
 * Prints the few TypeScript declarations generated files are made of. Plain text, no compiler:
 * loading one (ts-morph brings TypeScript) cost more than the rest of a cold run together.
 * Layout follows what a formatter would write: two-space indents, double quotes, JSDoc blocks.
 */

export interface Property {
  readonly name: string;
  readonly type: string;
  /** JSDoc text, lines separated by "\n" (see safe-text.ts's docText). */
  readonly doc?: string;
}

export interface Declaration {
  readonly doc?: string;
  readonly exported?: boolean;
}

/** A JSDoc block: one line when the text is one line. */
export function jsDoc(text: string, indent = ""): string {
  const lines = text.split("\n");
  if (lines.length === 1) return `${indent}/** ${text} */`;
  return [`${indent}/**`, ...lines.map((l) => (l === "" ? `${indent} *` : `${indent} * ${l}`)), `${indent} */`].join("\n");
}

function withDoc(d: Declaration, text: string): string {
  const declaration = `${d.exported ? "export " : ""}${text}`;
  return d.doc ? `${jsDoc(d.doc)}\n${declaration}` : declaration;
}

export function importDecl(names: readonly string[], from: string, typeOnly = false): string {
  return `import ${typeOnly ? "type " : ""}{ ${names.join(", ")} } from ${JSON.stringify(from)};`;
}

export function interfaceDecl(d: Declaration & { readonly name: string; readonly properties: readonly Property[] }): string {
  const members = d.properties.map((p) => `${p.doc ? `${jsDoc(p.doc, "  ")}\n` : ""}  ${p.name}: ${p.type};`);
  return withDoc(d, `interface ${d.name} {\n${members.join("\n")}\n}`);
}

export function typeDecl(d: Declaration & { readonly name: string; readonly type: string }): string {
  return withDoc(d, `type ${d.name} = ${d.type};`);
}

export function constDecl(d: Declaration & { readonly name: string; readonly type?: string; readonly value: string }): string {
  return withDoc(d, `const ${d.name}${d.type ? `: ${d.type}` : ""} = ${d.value};`);
}

export function functionDecl(
  d: Declaration & {
    readonly name: string;
    readonly async?: boolean;
    readonly parameters: readonly { readonly name: string; readonly type: string }[];
    readonly returnType: string;
    /** Statements, each possibly several lines; indented here. */
    readonly body: readonly string[];
  },
): string {
  const parameters = d.parameters.map((p) => `${p.name}: ${p.type}`).join(", ");
  const body = d.body.map((s) => s.split("\n").map((l) => (l === "" ? l : `  ${l}`)).join("\n"));
  return withDoc(d, `${d.async ? "async " : ""}function ${d.name}(${parameters}): ${d.returnType} {\n${body.join("\n")}\n}`);
}

/** A module's text: imports together, then declarations separated by blank lines. */
export function moduleText(imports: readonly string[], declarations: readonly string[]): string {
  // A file with nothing to declare (no tables) must still be a module for index.ts to re-export.
  const body = declarations.length > 0 ? declarations.join("\n\n") : "export {};";
  return imports.length > 0 ? `${imports.join("\n")}\n\n${body}` : body;
}

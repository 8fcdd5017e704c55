/**
 * The extension generated files' relative imports carry: ".js" (the default: what TypeScript's
 * NodeNext resolution and bundlers expect) or ".ts", for Node's type stripping (Node 22.18+/24
 * run .ts files as they are, and resolve imports only by their real file names), type-checked with
 * `allowImportingTsExtensions` or `rewriteRelativeImportExtensions`.
 */
import type { OutputFiles } from "./emit-program.js";

export const importExtensions = [".js", ".ts"] as const;
export type ImportExtension = (typeof importExtensions)[number];

export function isImportExtension(value: string): value is ImportExtension {
  return (importExtensions as readonly string[]).includes(value);
}

/** An import or re-export line of a generated file: one line each, all before any declaration. */
const importLine = /^((?:import|export) .* from "\.\/[\w.-]+)\.js(";)$/;

/**
 * The files with their relative imports ending in `extension`. Only the leading import block of each
 * file is read (header comment, blank lines, import and `export … from` lines), so SQL text or
 * comments further down are never touched, whatever they contain.
 */
export function withImportExtension(files: OutputFiles, extension: ImportExtension): OutputFiles {
  if (extension === ".js") return files;
  return new Map([...files].map(([name, text]) => [name, rewriteImports(text, extension)]));
}

function rewriteImports(text: string, extension: ImportExtension): string {
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === "" || line.startsWith("// ")) continue;
    const m = importLine.exec(line);
    if (m === null) break;
    lines[i] = `${m[1]}${extension}${m[2]}`;
  }
  return lines.join("\n");
}

/**
 * `gen lsp`: a language server on stdio. Every edit re-runs the pure pipeline over the project
 * with open buffers in place of their files (nothing is written) and publishes its diagnostics;
 * hover, definition and completion read the latest analysis.
 */
import { fileURLToPath, pathToFileURL } from "node:url";
import { resolve } from "node:path";
import {
  CompletionItemKind,
  createConnection,
  DiagnosticSeverity,
  MarkupKind,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic as LspDiagnostic,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { loadConfig } from "../config/load-config.js";
import { resolveOptions, type Flags } from "../config/options.js";
import { DiagnosticBag } from "../diagnostics/diagnostic.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { completionsAt } from "./completion.js";
import { definitionOf } from "./definition.js";
import { hoverText } from "./hover.js";
import { targetAt } from "./locate.js";
import { LiveAnalysis } from "./live-analysis.js";
import { projectPath, type Analysis } from "./workspace.js";

/** Serves until the client sends `exit`; the library then ends the process. `flags` as `gen`'s, relative to the workspace folder. */
export function startLanguageServer(cwd: string, flags: Flags): void {
  const connection = createConnection(process.stdin, process.stdout);
  const documents = new TextDocuments(TextDocument);
  let root = cwd;
  // Unsaved buffers by absolute path; untitled buffers belong to no project.
  const buffers = () => new Map(documents.all().filter((d) => d.uri.startsWith("file:")).map((d) => [fileURLToPath(d.uri), d.getText()]));
  const live = new LiveAnalysis(
    // The project as `gen` sees it from the workspace folder: sqlgen.json (or sqlc.yaml), then flags.
    () => loadConfig(root, flags, new DiagnosticBag()).targets[0] ?? resolveOptions(root, flags),
    buffers,
    diagnosticsPublisher(connection),
    (e) => connection.console.error(`sqlgen failed to analyse the project: ${(e as Error).stack ?? String(e)}`),
  );

  connection.onInitialize((params) => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    if (folder) root = fileURLToPath(folder);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        definitionProvider: true,
        completionProvider: { triggerCharacters: [".", ":", " "] },
      },
      serverInfo: { name: "sqlgen" },
    };
  });
  connection.onInitialized(() => live.schedule());
  documents.onDidChangeContent(() => live.schedule());
  documents.onDidClose(() => live.schedule());

  /** The analysis, the document and the project path at a request's position. */
  const at = async (uri: string) => {
    const doc = documents.get(uri);
    if (doc === undefined || !uri.startsWith("file:")) return null;
    return { doc, analysis: await live.current(), path: projectPath(root, fileURLToPath(uri)) };
  };
  connection.onHover(async ({ textDocument, position }) => {
    const ctx = await at(textDocument.uri);
    if (ctx === null) return null;
    const target = targetAt(ctx.analysis, ctx.path, ctx.doc.getText(), ctx.doc.offsetAt(position));
    return target === null ? null : { contents: { kind: MarkupKind.Markdown, value: hoverText(target) } };
  });
  connection.onDefinition(async ({ textDocument, position }) => {
    const ctx = await at(textDocument.uri);
    if (ctx === null) return null;
    const target = targetAt(ctx.analysis, ctx.path, ctx.doc.getText(), ctx.doc.offsetAt(position));
    const def = target === null ? null : definitionOf(ctx.analysis, target);
    if (def === null) return null;
    const uri = pathToFileURL(resolve(root, def.file)).href;
    const text = documents.get(uri) ?? TextDocument.create(uri, "sql", 0, ctx.analysis.sources.get(def.file)?.text ?? "");
    return { uri, range: { start: text.positionAt(def.start), end: text.positionAt(def.end) } };
  });
  connection.onCompletion(async ({ textDocument, position }) => {
    const ctx = await at(textDocument.uri);
    if (ctx === null) return [];
    return completionsAt(ctx.analysis, ctx.path, ctx.doc.getText(), ctx.doc.offsetAt(position)).map((c) => ({
      label: c.label,
      kind: { command: CompletionItemKind.Keyword, header: CompletionItemKind.Snippet, table: CompletionItemKind.Class, column: CompletionItemKind.Field }[c.kind],
      detail: c.detail,
      insertText: c.insertText,
    }));
  });
  documents.listen(connection);
  connection.listen();
}

/** Sends each analysis's diagnostics; a file that had some last time and has none now is sent an empty list. */
function diagnosticsPublisher(connection: Connection): (analysis: Analysis) => void {
  let published = new Set<string>();
  return (analysis) => {
    const byFile = new Map<string, LspDiagnostic[]>();
    for (const d of analysis.diagnostics) {
      if (d.file === null) continue;
      const uri = pathToFileURL(resolve(analysis.options.cwd, d.file)).href;
      const doc = TextDocument.create(uri, "sql", 0, analysis.sources.get(d.file)?.text ?? "");
      byFile.set(uri, [...(byFile.get(uri) ?? []), toLsp(d, doc)]);
    }
    for (const uri of published) if (!byFile.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
    for (const [uri, diagnostics] of byFile) void connection.sendDiagnostics({ uri, diagnostics });
    published = new Set(byFile.keys());
  };
}

function toLsp(d: Diagnostic, doc: TextDocument): LspDiagnostic {
  const span = d.span ?? { start: 0, end: 0 };
  return {
    range: { start: doc.positionAt(span.start), end: doc.positionAt(Math.max(span.start, span.end)) },
    severity: d.severity === "error" ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: d.code,
    source: "sqlgen",
    message: [d.message, ...d.notes].join("\n"),
  };
}

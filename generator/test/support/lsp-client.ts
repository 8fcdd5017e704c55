/** The built `gen lsp` as a child process, spoken to over stdio by a real JSON-RPC client. */
import { spawn } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-jsonrpc/node";

const cli = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));

export interface PublishedDiagnostics {
  readonly uri: string;
  readonly diagnostics: readonly { readonly code: string; readonly range: { readonly start: { readonly line: number; readonly character: number } } }[];
}

export interface LspSession {
  readonly client: MessageConnection;
  /** Every publishDiagnostics notification so far, in order. */
  readonly published: PublishedDiagnostics[];
  /** shutdown, exit, and wait for the server process to end. */
  stop(): Promise<void>;
}

/** Starts `gen lsp <args>` in `dir` and initializes it with `dir` as the workspace folder. */
export async function startLsp(dir: string, args: readonly string[] = []): Promise<LspSession> {
  const server = spawn(process.execPath, [cli, "lsp", ...args], { cwd: dir, stdio: ["pipe", "pipe", "inherit"] });
  const client = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
  const published: PublishedDiagnostics[] = [];
  client.onNotification("textDocument/publishDiagnostics", (p: PublishedDiagnostics) => void published.push(p));
  client.listen();
  await client.sendRequest("initialize", { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {} });
  await client.sendNotification("initialized", {});
  return {
    client,
    published,
    async stop() {
      await client.sendRequest("shutdown");
      await client.sendNotification("exit");
      await new Promise((done) => (server.exitCode === null ? server.once("exit", done) : done(null)));
      client.dispose();
    },
  };
}

/** Position of the `nth` occurrence of `needle` in `text`, plus `shift` characters. */
export function positionOf(text: string, needle: string, shift = 0, nth = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`${needle} not in text`);
  const before = text.slice(0, at + shift);
  return { line: before.split("\n").length - 1, character: before.length - before.lastIndexOf("\n") - 1 };
}

/** The hover's markdown at `needle` (+ `shift`) in the open document `uri` holding `text`, or "". */
export async function hoverAt(client: MessageConnection, uri: string, text: string, needle: string, shift = 0): Promise<string> {
  const r = await client.sendRequest<{ contents: { value: string } } | null>("textDocument/hover", { textDocument: { uri }, position: positionOf(text, needle, shift) });
  return r?.contents.value ?? "";
}

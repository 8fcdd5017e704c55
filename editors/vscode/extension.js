// Starts `gen lsp` (sqlgen's language server, on stdio) for the .sql files of the first workspace folder.
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

exports.activate = async function activate() {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder === undefined) return;
  const [command, ...args] = vscode.workspace.getConfiguration("sqlgen").get("command");
  const run = { command, args, transport: TransportKind.stdio, options: { cwd: folder.uri.fsPath, shell: process.platform === "win32" } };
  client = new LanguageClient("sqlgen", "sqlgen", { run, debug: run }, { documentSelector: [{ scheme: "file", language: "sql" }] });
  await client.start();
};

exports.deactivate = function deactivate() {
  return client?.stop();
};

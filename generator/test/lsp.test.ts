/**
 * `gen lsp` end to end: the built CLI as a child process, spoken to over stdio by a real
 * JSON-RPC client, on a real temporary project. Nothing the server does may write to disk.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MessageConnection } from "vscode-jsonrpc/node";
import { casesDir } from "./support/cases.js";
import { hoverAt, positionOf, startLsp, type LspSession, type PublishedDiagnostics } from "./support/lsp-client.js";

let dir: string;
let lsp: LspSession;
let client: MessageConnection;
let published: PublishedDiagnostics[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "sqlgen-lsp-"));
  // A schema file outside the default place, named with --schema as `gen` would take it.
  cpSync(join(casesDir, "one-basic", "schema.sql"), join(dir, "db", "schema.sql"), { recursive: true });
  cpSync(join(casesDir, "one-basic", "query.sql"), join(dir, "queries", "http.sql"), { recursive: true });
  lsp = await startLsp(dir, ["--schema", "db/schema.sql"]);
  ({ client, published } = lsp);
});

afterAll(() => lsp.stop());

const queryUri = () => pathToFileURL(join(dir, "queries", "http.sql")).href;
const schemaUri = () => pathToFileURL(join(dir, "db", "schema.sql")).href;

/** The newest diagnostics the server published for `uri` once `test` holds (bounded wait). */
async function diagnosticsFor(uri: string, test: (codes: string[]) => boolean): Promise<PublishedDiagnostics> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const last = published.filter((p) => p.uri === uri).at(-1);
    if (last !== undefined && test(last.diagnostics.map((d) => d.code))) return last;
    if (Date.now() > deadline) throw new Error(`no matching diagnostics for ${uri}: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const hover = (uri: string, text: string, needle: string, shift = 0) => hoverAt(client, uri, text, needle, shift);

const broken = "-- name: ListHttp :many\nSELECT id, nope FROM http WHERE workspace_id = ?;\n";
const fixed = "-- name: ListHttp :many\nSELECT h.id, h.url FROM http h WHERE h.workspace_id = :workspace AND name = ?;\n";

describe("gen lsp", () => {
  it("reports the unsaved buffer's errors as the CLI would, and clears them when fixed", async () => {
    const onDisk = readFileSync(join(dir, "queries", "http.sql"), "utf8");
    await client.sendNotification("textDocument/didOpen", { textDocument: { uri: queryUri(), languageId: "sql", version: 1, text: broken } });
    const bad = await diagnosticsFor(queryUri(), (codes) => codes.includes("SG303"));
    expect(bad.diagnostics.find((d) => d.code === "SG303")?.range.start).toEqual({ line: 1, character: 11 });
    await client.sendNotification("textDocument/didChange", { textDocument: { uri: queryUri(), version: 2 }, contentChanges: [{ text: fixed }] });
    await diagnosticsFor(queryUri(), (codes) => codes.length === 0);
    expect(readFileSync(join(dir, "queries", "http.sql"), "utf8")).toBe(onDisk);
    expect(existsSync(join(dir, "generated"))).toBe(false);
  });

  it("hovers a header, a parameter and a result column with their TypeScript types", async () => {
    expect(await hover(queryUri(), fixed, "ListHttp")).toMatch(/function listHttp\(db, params\)[\s\S]*workspace: Uint8Array;[\s\S]*url: string \| null;/);
    expect(await hover(queryUri(), fixed, ":workspace", 2)).toMatch(/parameter `workspace`[\s\S]*workspace: Uint8Array[\s\S]*not null: used with `workspace_id`, column declared NOT NULL/);
    expect(await hover(queryUri(), fixed, "?")).toMatch(/parameter `name`[\s\S]*name: string/);
    expect(await hover(queryUri(), fixed, "h.url", 3)).toMatch(/result column `url`[\s\S]*url: string \| null[\s\S]*nullable: column has no NOT NULL[\s\S]*from `http\.url`/);
  });

  it("goes from a table or a column to its line in the schema", async () => {
    const schema = readFileSync(join(dir, "db", "schema.sql"), "utf8");
    const table = await client.sendRequest<{ uri: string; range: { start: { line: number } } }>("textDocument/definition", { textDocument: { uri: queryUri() }, position: positionOf(fixed, "FROM http", 6) });
    expect(table).toMatchObject({ uri: schemaUri(), range: { start: positionOf(schema, "http (") } });
    const column = await client.sendRequest("textDocument/definition", { textDocument: { uri: queryUri() }, position: positionOf(fixed, "h.workspace_id", 3) });
    expect(column).toMatchObject({ uri: schemaUri(), range: { start: positionOf(schema, "workspace_id BLOB") } });
  });

  it("completes tables, the columns of an alias, and header commands", async () => {
    const labels = async (text: string, at: { line: number; character: number }) => {
      await client.sendNotification("textDocument/didChange", { textDocument: { uri: queryUri(), version: 3 }, contentChanges: [{ text }] });
      const items = await client.sendRequest<{ label: string }[]>("textDocument/completion", { textDocument: { uri: queryUri() }, position: at });
      return items.map((i) => i.label);
    };
    const partial = "-- name: ListHttp :many\nSELECT h. FROM http h;\n";
    expect(await labels(partial, positionOf(partial, "h.", 2))).toEqual(expect.arrayContaining(["id", "workspace_id", "url", "parent_http_id"]));
    expect(await labels(partial, positionOf(partial, "SELECT ", 7))).toEqual(expect.arrayContaining(["http", "workspaces", "url"]));
    expect(await labels(partial, positionOf(partial, ":many", 1))).toEqual(expect.arrayContaining(["one", "many", "exec", "execrows", "execlastid", "execresult"]));
  });

  it("works in schema files: their errors, and hover on a column", async () => {
    const text = readFileSync(join(dir, "db", "schema.sql"), "utf8");
    await client.sendNotification("textDocument/didOpen", { textDocument: { uri: schemaUri(), languageId: "sql", version: 1, text } });
    expect(await hover(schemaUri(), text, "url TEXT")).toMatch(/column `http\.url`[\s\S]*url: string \| null/);
    const typo = text.replace("CREATE TABLE http", "CREATE TABEL http");
    await client.sendNotification("textDocument/didChange", { textDocument: { uri: schemaUri(), version: 2 }, contentChanges: [{ text: typo }] });
    const bad = await diagnosticsFor(schemaUri(), (codes) => codes.length > 0);
    expect(bad.diagnostics[0].code).toMatch(/^SG\d+$/);
    await client.sendNotification("textDocument/didChange", { textDocument: { uri: schemaUri(), version: 3 }, contentChanges: [{ text }] });
    await diagnosticsFor(schemaUri(), (codes) => codes.length === 0);
  });
});

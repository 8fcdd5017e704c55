/**
 * sql.js is the browser's SQLite: the driver-sql-js case's generated code, bundled with sql.js's
 * browser build by esbuild, runs in headless Chromium and reports what it read. Needs Debian's
 * `chromium` (see support/headless-chromium.ts).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { beforeAll, expect, it } from "vitest";
import { casesDir } from "../support/cases.js";
import { dumpDom } from "../support/headless-chromium.js";
import { loadSqlJsCase } from "./sql-js-case.js";

const repo = fileURLToPath(new URL("../../../", import.meta.url));
let outDir: string;

beforeAll(async () => {
  ({ outDir } = await loadSqlJsCase());
});

/** The page's script: opens sql.js from the inlined WASM, runs generated functions, prints JSON. */
const page = (schema: string) => `import initSqlJs from "sql.js";
import { closeDatabase, immediate } from "./db.js";
import { addNote, addNoteResult, getNote, listNotesByIds, listNotesIterate, pinNotes } from "./query.js";

declare const WASM: string;

async function main(): Promise<unknown> {
  const SQL = await initSqlJs({ wasmBinary: Uint8Array.from(atob(WASM), (c) => c.charCodeAt(0)).buffer });
  const db = new SQL.Database();
  db.exec(${JSON.stringify(schema)});
  const id = immediate(db, () => addNote(db, { title: "a", body: null, pinned: false, attachment: Uint8Array.of(7, 8), score: 2.5 }));
  addNote(db, { title: "b", body: "x", pinned: true, attachment: null, score: null });
  const note = getNote(db, { id });
  const result = {
    id,
    note: note && { ...note, attachment: note.attachment && Array.from(note.attachment) },
    blobIsUint8Array: note?.attachment instanceof Uint8Array,
    ignored: addNoteResult(db, { title: "a" }),
    pinned: pinNotes(db, { ids: [id, 99] }),
    none: listNotesByIds(db, { ids: [] }),
    iterated: [...listNotesIterate(db, { pinned: true })].map((r) => r.title),
    agent: navigator.userAgent,
  };
  closeDatabase(db);
  return result;
}

// Chromium dumps the page when its virtual time budget is spent, and virtual time jumps over idle
// stretches, such as the WASM compiling on another thread: a timer ticking each virtual
// millisecond until the result is in keeps the budget from running out first.
const ticking = setInterval(() => {}, 1);
const out = document.getElementById("out")!;
main().then(
  (r) => { out.textContent = JSON.stringify(r); },
  (e) => { out.textContent = JSON.stringify({ error: String(e) }); },
).finally(() => clearInterval(ticking));
`;

it("runs the generated code with sql.js in headless Chromium", async () => {
  const entry = join(outDir, "page.ts");
  writeFileSync(entry, page(readFileSync(join(casesDir, "driver-sql-js", "schema.sql"), "utf8")));
  const bundle = await build({ entryPoints: [entry], bundle: true, format: "iife", platform: "browser", target: "es2022", write: false, nodePaths: [join(repo, "node_modules")], logLevel: "silent" });
  const wasm = readFileSync(join(repo, "node_modules/sql.js/dist/sql-wasm-browser.wasm")).toString("base64");
  const html = join(outDir, "page.html");
  writeFileSync(html, `<!doctype html><meta charset="utf-8"><pre id="out">pending</pre><script>const WASM = "${wasm}";</script><script>${bundle.outputFiles[0]!.text.replaceAll("</script", "<\\/script")}</script>`);
  const stdout = await dumpDom(pathToFileURL(html).href);
  const text = /<pre id="out">([^<]*)<\/pre>/.exec(stdout)?.[1]?.replaceAll("&quot;", '"').replaceAll("&amp;", "&") ?? stdout;
  expect(text, "what the page printed").toMatch(/^\{/);
  const result = JSON.parse(text) as Record<string, unknown>;
  expect(result).toMatchObject({
    id: 1,
    note: { id: 1, title: "a", body: null, pinned: false, attachment: [7, 8], score: 2.5 },
    blobIsUint8Array: true,
    ignored: { changes: 0, lastInsertRowid: 2 },
    pinned: 1,
    none: [],
    iterated: ["a", "b"],
  });
  expect(result["agent"]).toMatch(/HeadlessChrome/);
}, 180_000);

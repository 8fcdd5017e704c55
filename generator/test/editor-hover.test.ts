/**
 * The README's hover picture, made from the real language server: `gen lsp` on this repository,
 * a hover on a result column read through a LEFT JOIN, its markdown rendered in an editor-like
 * page (support/hover-page.ts) and photographed by headless Chromium. Every run checks the whole
 * way; `npm run docs:hover` (UPDATE_SCREENSHOT=1) also writes docs/editor-hover.png.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { headlessChromium } from "./support/headless-chromium.js";
import { hoverPage } from "./support/hover-page.js";
import { hoverAt, positionOf, startLsp, type LspSession } from "./support/lsp-client.js";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const file = "queries/change-feed.sql";
const picture = process.env.UPDATE_SCREENSHOT === "1" ? join(repo, "docs", "editor-hover.png") : join(mkdtempSync(join(tmpdir(), "sqlgen-hover-")), "hover.png");
let lsp: LspSession;

beforeAll(async () => {
  lsp = await startLsp(repo);
});
afterAll(() => lsp.stop());

it("renders the server's hover on a LEFT JOIN column into a picture", async () => {
  const text = readFileSync(join(repo, file), "utf8");
  const uri = pathToFileURL(join(repo, file)).href;
  await lsp.client.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "sql", version: 1, text } });
  const markdown = await hoverAt(lsp.client, uri, text, "h.url", 3);
  expect(markdown).toMatch(/result column `url`[\s\S]*url: string \| null[\s\S]*nullable: right side of LEFT JOIN `http h`/);

  const at = positionOf(text, "h.url", 2);
  const page = join(mkdtempSync(join(tmpdir(), "sqlgen-hover-page-")), "hover.html");
  writeFileSync(page, hoverPage({ file, text, line: at.line, start: at.character, end: at.character + "url".length, markdown, above: 6, below: 6 }));
  await headlessChromium(pathToFileURL(page).href, ["--hide-scrollbars", "--window-size=1200,400", `--screenshot=${picture}`]);
  const png = readFileSync(picture);
  expect(png.subarray(1, 4).toString()).toBe("PNG");
  // IHDR: width and height, big-endian, right after the signature and chunk header.
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 400]);
});

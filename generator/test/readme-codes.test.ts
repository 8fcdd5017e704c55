/** The README's diagnostics table is the contract users read: it lists every code of the catalogue, as it is. */
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { catalogue } from "../diagnostics/catalogue.js";

it("README lists every diagnostic code with its name and severity", () => {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const listed = [...readme.matchAll(/^\| (SG\d{3}) \| ([a-z0-9-]+) \| (error|warning) \|$/gm)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
  expect(listed).toEqual(Object.entries(catalogue).map(([code, c]) => `${code} ${c.name} ${c.severity}`));
});

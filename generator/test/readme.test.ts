/** The README is checked where it quotes the tool: its diagnostics table and its first example. */
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { catalogue } from "../diagnostics/catalogue.js";

it("README lists every diagnostic code with its name and severity", () => {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const listed = [...readme.matchAll(/^\| (SG\d{3}) \| ([a-z0-9-]+) \| (error|warning) \|$/gm)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
  expect(listed).toEqual(Object.entries(catalogue).map(([code, c]) => `${code} ${c.name} ${c.severity}`));
});

it("README's 30-second example is verbatim from its golden case", () => {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const start = readme.indexOf("## 30 seconds");
  const section = readme.slice(start, readme.indexOf("\n## ", start + 1));
  const [sql, ts, app] = [...section.matchAll(/```(?:sql|ts)\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const caseDir = new URL("cases/one-basic/", import.meta.url);
  expect(readFileSync(new URL("query.sql", caseDir), "utf8")).toBe(sql);
  expect(readFileSync(new URL("expected/generated/query.ts", caseDir), "utf8")).toContain(ts);
  // The app imports what the case's output exports (schema.ts's migrate() included).
  const imported = /import \{ ([^}]+) \} from "\.\/generated\/index\.js";/.exec(app!)![1]!.split(", ");
  const generated = ["query.ts", "schema.ts"].map((f) => readFileSync(new URL(`expected/generated/${f}`, caseDir), "utf8")).join("\n");
  expect(imported.length).toBeGreaterThan(1);
  for (const name of imported) expect(generated).toMatch(new RegExp(`^export function ${name}\\(db: Database`, "m"));
});

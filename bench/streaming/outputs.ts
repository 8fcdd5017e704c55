/** Writes a run's files: streaming.json, streaming.md and the plots. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { plots } from "./plots.js";
import { report } from "./report.js";
import type { Results } from "./results.js";

/** Writes the report and plots of `results`; the JSON too unless it is where they were read from. */
export function writeOutputs(results: Results, out: string, withJson = true): string[] {
  mkdirSync(out, { recursive: true });
  const files: [string, string][] = [["streaming.md", report(results)], ...plots(results)];
  if (withJson) files.unshift(["streaming.json", JSON.stringify(results)]);
  for (const [file, text] of files) writeFileSync(join(out, file), text);
  return files.map(([file]) => file);
}

/**
 * Rewrites streaming.md and the plots from an existing streaming.json (after a change to the
 * report, without measuring again): node build/bench/streaming/render.js [dir, default bench/results].
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { writeOutputs } from "./outputs.js";
import type { Results } from "./results.js";

const dir = process.argv[2] ?? join(process.cwd(), "bench", "results");
const results = JSON.parse(readFileSync(join(dir, "streaming.json"), "utf8")) as Results;
process.stdout.write(`wrote ${writeOutputs(results, dir, false).join(", ")} to ${dir}\n`);

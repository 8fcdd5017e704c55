/** The run's size: the full benchmark (about 15 minutes on 2 cores) or `--quick` (under a minute). */
import { join } from "node:path";
import type { Effort } from "./compare.js";

export interface Options {
  readonly quick: boolean;
  /** Where streaming.json, streaming.md and the SVGs go. */
  readonly out: string;
  readonly sizes: readonly number[];
  readonly effort: (requests: number) => Effort;
  readonly ablation: Effort;
  readonly levels: readonly number[];
  readonly levelMs: number;
  /** The load test runs on the after database of this size. */
  readonly load: { readonly requests: number; readonly workers: number; readonly durationMs: number };
}

export function parseOptions(argv: readonly string[]): Options {
  const quick = argv.includes("--quick");
  const at = argv.indexOf("--out");
  const out = at >= 0 && argv[at + 1] !== undefined ? argv[at + 1] : join(process.cwd(), "bench", "results");
  const unknown = argv.filter((a, i) => a !== "--quick" && a !== "--out" && argv[i - 1] !== "--out");
  if (unknown.length > 0) throw new Error(`unknown arguments: ${unknown.join(" ")} (usage: [--quick] [--out <dir>])`);
  if (quick) {
    return { quick, out, sizes: [1000], effort: () => ({ rounds: 2, calls: 10 }), ablation: { rounds: 1, calls: 5 }, levels: [1, 4], levelMs: 1000, load: { requests: 1000, workers: 8, durationMs: 2000 } };
  }
  return {
    quick,
    out,
    sizes: [1000, 10_000, 100_000],
    effort: (requests) => ({ rounds: requests >= 100_000 ? 3 : 5, calls: 50 }),
    ablation: { rounds: 3, calls: 50 },
    levels: [1, 5, 10, 25, 50, 100],
    levelMs: 5000,
    load: { requests: 10_000, workers: 50, durationMs: 10_000 },
  };
}

import { setFlagsFromString } from "node:v8";

/**
 * V8 compiles SQLite's WASM build twice by default: at once with its baseline compiler (Liftoff),
 * then again in the background with its optimising one for the functions that run hot. A one-shot
 * run ends before the optimised code pays for itself, and on a machine with few cores that
 * background compile competes with the run (cold `gen check` on this repo: 0.72 s → 0.50 s, see
 * `npm run bench:cold`). `watch` and `lsp` live long enough to gain from it and keep V8's default.
 * Takes effect for WASM compiled after the call: call it before anything opens SQLite.
 */
export function tuneV8(args: readonly string[]): void {
  if (!args.includes("watch") && !args.includes("lsp")) setFlagsFromString("--liftoff-only");
}

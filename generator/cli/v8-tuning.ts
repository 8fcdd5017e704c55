import { setFlagsFromString } from "node:v8";

/**
 * sql-parser-cst's parser is one function of ~60 KB of bytecode. On a large project V8 would spend
 * seconds of CPU and ~175 MB optimising it while the run waits for the result; below this limit it
 * stays in the interpreter and baseline tiers, which parse fast enough (see npm run bench:cold).
 * Takes effect for functions optimised after the call, so any time before the first parse.
 */
export function tuneV8(): void {
  setFlagsFromString("--max-optimized-bytecode-size=60000");
}

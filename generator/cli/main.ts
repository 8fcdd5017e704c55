#!/usr/bin/env node
import { basename } from "node:path";
import { setFlagsFromString } from "node:v8";
import { run } from "./run.js";

// sql-parser-cst's parser is one function of ~60 KB of bytecode. On a large project V8 would spend
// seconds of CPU and ~175 MB optimising it while the run waits for the result; below this limit
// it stays in the interpreter and baseline tiers, which parse fast enough (see npm run bench:cold).
setFlagsFromString("--max-optimized-bytecode-size=60000");

const stop = new AbortController();
process.once("SIGINT", () => stop.abort());
// npm links both bins (`sqlgen`, `gen`) to this file; advice repeats the name the user typed.
const invoked = basename(process.argv[1] ?? "");
const code = await run(process.argv.slice(2), {
  cwd: process.cwd(),
  signal: stop.signal,
  command: invoked === "gen" ? "gen" : "sqlgen",
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
});
process.exitCode = code;

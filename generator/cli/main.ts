#!/usr/bin/env node
import { basename } from "node:path";
import { bundleBuildId } from "./result-cache.js";
import { run } from "./run.js";
import { tuneV8 } from "./v8-flags.js";

tuneV8(process.argv.slice(2));

const stop = new AbortController();
process.once("SIGINT", () => stop.abort());
// npm links both bins (`sqlgen`, `gen`) to this file; advice repeats the name the user typed.
const invoked = basename(process.argv[1] ?? "");
const code = await run(process.argv.slice(2), {
  cwd: process.cwd(),
  signal: stop.signal,
  command: invoked === "gen" ? "gen" : "sqlgen",
  buildId: bundleBuildId(import.meta.url),
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
});
process.exitCode = code;

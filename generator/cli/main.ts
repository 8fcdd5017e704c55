#!/usr/bin/env node
import { run } from "./run.js";

const stop = new AbortController();
process.once("SIGINT", () => stop.abort());
const code = await run(process.argv.slice(2), {
  cwd: process.cwd(),
  signal: stop.signal,
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
});
process.exitCode = code;

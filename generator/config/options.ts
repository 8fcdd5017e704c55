/** Where sqlgen reads and writes: zero-config defaults under the working directory, or flags. */
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";

export interface Options {
  readonly cwd: string;
  /** Schema files or folders, applied in order. */
  readonly schema: string;
  readonly queries: string;
  readonly out: string;
}

export interface Flags {
  readonly schema?: string;
  readonly queries?: string;
  readonly out?: string;
}

export function resolveOptions(cwd: string, flags: Flags): Options {
  const defaultSchema = existsSync(resolve(cwd, "schema")) || !existsSync(resolve(cwd, "schema.sql")) ? "schema" : "schema.sql";
  return {
    cwd,
    schema: flags.schema ?? defaultSchema,
    queries: flags.queries ?? "queries",
    out: flags.out ?? "generated",
  };
}

export function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

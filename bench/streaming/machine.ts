/** The machine and software a run was measured on. */
import { createRequire } from "node:module";
import { availableParallelism, cpus, loadavg, release, totalmem } from "node:os";
import Database from "better-sqlite3";

export interface Machine {
  readonly cpuModel: string;
  readonly cores: number;
  readonly ramGiB: number;
  readonly os: string;
  readonly node: string;
  readonly sqlite: string;
  readonly betterSqlite3: string;
  /** 1-minute load average when the run started (the machine may be shared). */
  readonly loadAverageAtStart: number;
}

export function machine(): Machine {
  const db = new Database(":memory:");
  const sqlite = db.prepare("SELECT sqlite_version()").pluck().get() as string;
  db.close();
  const pkg = createRequire(import.meta.url)("better-sqlite3/package.json") as { version: string };
  return {
    cpuModel: cpus()[0]?.model ?? "unknown",
    cores: availableParallelism(),
    ramGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${process.platform} ${release()}`,
    node: process.version,
    sqlite,
    betterSqlite3: pkg.version,
    loadAverageAtStart: loadavg()[0],
  };
}

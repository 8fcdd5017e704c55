/**
 * The benchmark's processes: the server under test (a fresh database each time, on loopback) and
 * the clients' process (clients.ts), both children of the benchmark, talked to over HTTP and IPC.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ClientMode, ClientsResult, Finish } from "./clients.js";

export interface ServerUnderTest {
  readonly child: ChildProcess;
  readonly base: string;
  /** The database as the server was given it: a path, or a `file:` URL on @libsql/client. */
  readonly db: string;
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** Starts `main.js` (this build's, or BENCH_SERVER's) on a new database; resolves once it listens. */
export async function startServer(main: string, libsql: boolean): Promise<ServerUnderTest> {
  const port = await freePort();
  const path = join(mkdtempSync(join(tmpdir(), "fanout-bench-")), "b.db");
  const db = libsql ? `file:${path}` : path;
  const child = spawn(process.execPath, [main], { env: { ...process.env, PORT: String(port), DB: db, TOKEN: "" }, stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => d.toString().includes("streaming") && resolve());
    child.once("exit", (code) => reject(new Error(`the server exited (${code}) before listening`)));
  });
  return { child, base: `http://127.0.0.1:${port}`, db };
}

export async function post<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`POST ${url}: ${res.status}`);
  return (await res.json()) as T;
}

/** `n` clients of `url` in a child process (`entry --clients …`); resolves once all are connected. */
export class ClientsProcess {
  private constructor(private readonly child: ChildProcess) {}

  static async start(entry: string, mode: ClientMode, url: string, n: number, start: number): Promise<ClientsProcess> {
    const child = spawn(process.execPath, ["--max-old-space-size=4096", entry, "--clients", mode, url, String(n), String(start)], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    await new Promise<void>((resolve, reject) => {
      child.once("message", () => resolve());
      child.once("exit", (code) => reject(new Error(`the clients' process exited (${code})`)));
    });
    return new ClientsProcess(child);
  }

  /** Tells the clients the database's final state; resolves with what they received. */
  finish(finish: Finish): Promise<ClientsResult> {
    return new Promise((resolve) => {
      this.child.once("message", (m: { result: ClientsResult }) => resolve(m.result));
      this.child.send(finish);
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  stop(): void {
    this.child.kill();
  }
}

/** The entry script of the benchmark (this folder's parent's fanout-bench.js), which also runs the clients' role. */
export const benchEntry = fileURLToPath(new URL("../fanout-bench.js", import.meta.url));

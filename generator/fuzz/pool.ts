/**
 * Worker processes with a timeout per job. A job that overruns is a hang: its process is killed
 * and replaced, so one hang never stalls the run. A process that dies mid-job is reported too.
 * The timeout counts the worker's CPU time where the system tells it (so load on a shared machine
 * is not mistaken for a hang), with a wall-clock limit of a few timeouts for hangs that wait.
 */
import { fork, type ChildProcess } from "node:child_process";
import { cpuTimeMs } from "./cpu-time.js";
import type { Job, JobResult, Reply } from "./protocol.js";
import { workerScript } from "./paths.js";

/** Wall-clock limit, in timeouts, when CPU time is what is measured. */
const wallFactor = 6;

export type Outcome = JobResult | { readonly kind: "timeout" } | { readonly kind: "died"; readonly why: string };

interface Slot {
  child: ChildProcess;
  busy: boolean;
}

export class Pool {
  private readonly slots: Slot[] = [];
  private readonly waiting: ((slot: Slot) => void)[] = [];
  private nextId = 0;

  constructor(size: number) {
    for (let i = 0; i < size; i++) this.slots.push({ child: spawn(), busy: false });
  }

  async run(job: Job, timeoutMs: number): Promise<Outcome> {
    const slot = await this.acquire();
    try {
      return await this.send(slot, job, timeoutMs);
    } finally {
      this.release(slot);
    }
  }

  close(): void {
    for (const s of this.slots) s.child.kill("SIGKILL");
  }

  private send(slot: Slot, job: Job, timeoutMs: number): Promise<Outcome> {
    const id = this.nextId++;
    return new Promise<Outcome>((resolve) => {
      const child = slot.child;
      const done = (outcome: Outcome, replace: boolean) => {
        clearInterval(timer);
        child.off("message", onMessage);
        child.off("exit", onExit);
        if (replace) {
          child.kill("SIGKILL");
          slot.child = spawn();
        }
        resolve(outcome);
      };
      const onMessage = (m: unknown) => {
        if ((m as Reply).id === id) done((m as Reply).result, false);
      };
      const onExit = (code: number | null, signal: string | null) => done({ kind: "died", why: `worker exited (code ${code}, signal ${signal})` }, true);
      const startCpu = cpuTimeMs(child.pid ?? -1);
      const startWall = Date.now();
      const timer = setInterval(() => {
        const cpu = startCpu === null ? null : cpuTimeMs(child.pid ?? -1);
        const overrun = cpu === null || startCpu === null ? Date.now() - startWall > timeoutMs : cpu - startCpu > timeoutMs;
        if (overrun || Date.now() - startWall > timeoutMs * wallFactor) done({ kind: "timeout" }, true);
      }, 250);
      child.on("message", onMessage);
      child.on("exit", onExit);
      child.send({ id, job });
    });
  }

  private acquire(): Promise<Slot> {
    const free = this.slots.find((s) => !s.busy);
    if (free) {
      free.busy = true;
      return Promise.resolve(free);
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(slot: Slot): void {
    const next = this.waiting.shift();
    if (next) next(slot);
    else slot.busy = false;
  }
}

function spawn(): ChildProcess {
  // SQLite's WASM build logs failed statements to the console; results travel over IPC only.
  return fork(workerScript, [], { serialization: "advanced", stdio: ["ignore", "ignore", "ignore", "ipc"] });
}

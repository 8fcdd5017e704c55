/**
 * Starts `count` worker threads on one database, waits until each has opened its connection, starts
 * them together, and samples the process's RSS (threads share it) while they run.
 */
import { Worker } from "node:worker_threads";
import type { Mix } from "./worker-ops.js";
import type { WorkerJob, WorkerResult } from "./worker.js";

export interface PoolRun {
  readonly workers: number;
  readonly durationMs: number;
  readonly results: WorkerResult[];
  /** RSS once every worker is ready (threads, isolates and connections), and its peak while running. */
  readonly rssReadyMiB: number;
  readonly rssPeakMiB: number;
}

export interface PoolJob {
  readonly path: string;
  readonly requests: number;
  readonly lastSecond: number;
  readonly durationMs: number;
  readonly mix: Mix;
}

type WorkerMessage = { ready?: true; result?: WorkerResult };

const rssMiB = () => process.memoryUsage().rss / 2 ** 20;

export async function runPool(count: number, job: PoolJob): Promise<PoolRun> {
  const start = new SharedArrayBuffer(4);
  const workers = Array.from({ length: count }, (_, index) => new Worker(new URL("./worker.js", import.meta.url), { workerData: { ...job, index, start } satisfies WorkerJob }));
  /** The first message of `w` that has `key`; rejects if the worker fails first. */
  const message = <K extends "ready" | "result">(w: Worker, key: K) =>
    new Promise<NonNullable<WorkerMessage[K]>>((resolve, reject) => {
      const onMessage = (m: WorkerMessage) => {
        if (m[key] === undefined) return;
        w.off("message", onMessage);
        resolve(m[key]!);
      };
      w.on("message", onMessage).once("error", reject);
    });
  let sampler: NodeJS.Timeout | undefined;
  try {
    await Promise.all(workers.map((w) => message(w, "ready")));
    const rssReadyMiB = rssMiB();
    let rssPeakMiB = rssReadyMiB;
    sampler = setInterval(() => (rssPeakMiB = Math.max(rssPeakMiB, rssMiB())), 100);
    const done = Promise.all(workers.map((w) => message(w, "result")));
    Atomics.store(new Int32Array(start), 0, 1);
    Atomics.notify(new Int32Array(start), 0);
    const results = await done;
    return { workers: count, durationMs: job.durationMs, results, rssReadyMiB, rssPeakMiB };
  } finally {
    // Also when a worker failed: the others would otherwise wait for the start signal forever.
    clearInterval(sampler);
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

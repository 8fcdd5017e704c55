/** The report's plots: before/after by table size, the concurrency curve, the load test over time. */
import { families } from "./families.js";
import { snapshotTotals, type Results } from "./results.js";
import { median } from "./stats.js";
import { figure, type Chart } from "./svg.js";

export const plotFiles = { beforeAfter: "streaming-before-after.svg", concurrency: "streaming-concurrency.svg", load: "streaming-load.svg" } as const;

function beforeAfter(r: Results): Chart[] {
  return families.map(({ name }) => {
    const runs = r.families.filter((f) => f.family === name);
    // A snapshot is many pages: its cost is the whole snapshot's time.
    const whole = name === "snapshot page";
    const y = (side: "before" | "after") => runs.map((f) => ({ x: f.requests, y: whole ? snapshotTotals(f)[`${side}Ms`] : median(f[side].ms) }));
    return {
      title: whole ? "whole snapshot (pages of 100)" : name,
      xLabel: "requests in the database",
      yLabel: whole ? "ms per snapshot" : "median ms per call",
      xLog: true,
      yLog: true,
      series: [{ name: "before (spec's SQL)", points: y("before"), dashed: true }, { name: "after (generated)", points: y("after") }],
    };
  });
}

function concurrency(r: Results): Chart[] {
  const at = (f: (s: Results["concurrency"]["levels"][number]["summary"]) => number) => r.concurrency.levels.map((l) => ({ x: l.summary.workers, y: f(l.summary) }));
  return [
    {
      title: `throughput (${r.machine.cores} cores)`,
      xLabel: "worker threads",
      yLabel: "operations per second",
      xLog: true,
      series: [{ name: "all", points: at((s) => s.opsPerSecond) }, { name: "reads", points: at((s) => s.readsPerSecond) }, { name: "writes", points: at((s) => s.writesPerSecond) }],
    },
    {
      title: "latency per operation",
      xLabel: "worker threads",
      yLabel: "ms",
      xLog: true,
      yLog: true,
      series: [{ name: "p50", points: at((s) => s.p50Ms) }, { name: "p99", points: at((s) => s.p99Ms) }, { name: "p99 of writes", points: at((s) => s.writeP99Ms), dashed: true }],
    },
  ];
}

function load(r: Results): Chart[] {
  return [
    {
      title: `load test: ${r.loadTest.workers} workers`,
      xLabel: "second",
      yLabel: "operations per second",
      series: r.loadTest.workspaces.map((w) => ({ name: `workspace ${w.workspace} (${w.workers} workers)`, points: w.perSecond.map((y, s) => ({ x: s + 1, y })) })),
    },
  ];
}

export function plots(r: Results): [string, string][] {
  return [
    [plotFiles.beforeAfter, figure(beforeAfter(r), 3)],
    [plotFiles.concurrency, figure(concurrency(r), 2)],
    [plotFiles.load, figure(load(r), 1)],
  ];
}

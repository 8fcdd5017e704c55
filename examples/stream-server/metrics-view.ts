/**
 * What /metrics reports, as JSON (the default) or in Prometheus's text exposition format (asked for
 * with `?format=prometheus` or an Accept header naming text/plain or OpenMetrics, as a scraper does).
 */
import type { IncomingMessage } from "node:http";
import type { SummarizeAllStreamingPerformanceRow } from "../../generated/index.js";
import type { MetricsSnapshot } from "../data-layer/metrics.js";

/** The server's SSE streams now. */
export interface StreamCounts {
  readonly clients: number;
  /** Bytes written to streams and not yet taken by their clients. */
  readonly bufferedBytes: number;
  /** Streams the server ended because their client did not keep up, and the last reason. */
  readonly dropped: number;
  readonly lastDropReason: string | null;
  /** Workspaces with a change-feed reader (watched by at least one client). */
  readonly workspaces: number;
  readonly live: number;
  readonly catchingUp: number;
}

export interface MetricsView {
  /** The process's StreamingMetrics since it started. */
  readonly counters: MetricsSnapshot;
  /** Upper bounds of `counters.durationCounts`, in ms (the last count has none). */
  readonly durationBucketsMs: readonly number[];
  readonly streams: StreamCounts;
  readonly residentMemoryBytes: number;
  /** Seconds since the server process started, when this view was taken: rates are differences over it. */
  readonly uptimeSeconds: number;
  /** streaming_performance_log summed by type (every process on the database, since retention). */
  readonly performance: readonly SummarizeAllStreamingPerformanceRow[];
}

/** True when the client asks for Prometheus's format rather than JSON. */
export function wantsPrometheus(req: IncomingMessage): boolean {
  const format = new URL(req.url ?? "/", "http://localhost").searchParams.get("format");
  if (format !== null) return format === "prometheus";
  const accept = req.headers.accept ?? "";
  return /text\/plain|application\/openmetrics-text/.test(accept) && !/application\/json/.test(accept);
}

export const PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

type Kind = "counter" | "gauge";

/** The exposition text: `# HELP` and `# TYPE` before each family, seconds and bytes as base units. */
export function renderPrometheus(view: MetricsView): string {
  const lines: string[] = [];
  const family = (name: string, kind: Kind | "histogram", help: string) => lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${kind}`);
  const single = (name: string, kind: Kind, help: string, value: number) => {
    family(name, kind, help);
    lines.push(`${name} ${value}`);
  };
  const c = view.counters;
  const s = view.streams;
  single("sqlgen_operations_total", "counter", "Operations measured: writes, snapshot pages and change-feed reads.", c.operationCount);
  single("sqlgen_operation_errors_total", "counter", "Operations that failed.", c.errorCount);
  single("sqlgen_records_total", "counter", "Rows the operations read or wrote (a change-feed read counts its rows once, whatever the number of clients).", c.recordCount);
  family("sqlgen_operation_duration_seconds", "histogram", "Time the operations took.");
  let cumulative = 0;
  view.durationBucketsMs.forEach((upper, i) => {
    cumulative += c.durationCounts[i];
    lines.push(`sqlgen_operation_duration_seconds_bucket{le="${upper / 1000}"} ${cumulative}`);
  });
  // The count is the histogram's own total, so +Inf and _count agree even while other threads add to it.
  const count = cumulative + c.durationCounts[view.durationBucketsMs.length];
  lines.push(
    `sqlgen_operation_duration_seconds_bucket{le="+Inf"} ${count}`,
    `sqlgen_operation_duration_seconds_sum ${c.totalDurationMs / 1000}`,
    `sqlgen_operation_duration_seconds_count ${count}`,
  );
  single("sqlgen_streams_open", "gauge", "SSE streams open.", s.clients);
  single("sqlgen_streams_live", "gauge", "Streams taking their workspace's live fan-out.", s.live);
  single("sqlgen_streams_catching_up", "gauge", "Streams reading change_log by their own position (behind the feed, or starting).", s.catchingUp);
  single("sqlgen_feeds", "gauge", "Workspaces with a change-feed reader in this process.", s.workspaces);
  single("sqlgen_stream_buffered_bytes", "gauge", "Bytes written to streams and not yet taken by their clients.", s.bufferedBytes);
  single("sqlgen_streams_dropped_total", "counter", "Streams ended because their client did not keep up (it can resume with Last-Event-ID).", s.dropped);
  single("sqlgen_resident_memory_bytes", "gauge", "Resident memory of the server process.", view.residentMemoryBytes);
  return lines.join("\n") + "\n";
}

/**
 * GET /dashboard: one self-contained page (no CDN, no external file: inline CSS, script and SVG)
 * plotting the server's StreamingMetrics from /metrics, which it reads again every second
 * (`?interval=<ms>` to change it). Rates come from the difference of two readings over the server's
 * clock (its uptime, not the page's: a headless browser's virtual time runs apart); latency
 * percentiles from the difference of the duration histogram's buckets. Each chart's <svg> carries
 * `data-points` (points drawn) and `data-max` (largest value shown), so a test can see it drew data.
 */

/** The page runs only its own inline script and talks only to this server. */
export const DASHBOARD_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'";

// Plain browser JavaScript (this file's TypeScript has no DOM types to check it against): no
// template literals inside, the page is one template literal.
const script = String.raw`
"use strict";
const KEEP = 300;
const params = new URLSearchParams(location.search);
const interval = Math.max(100, Number(params.get("interval")) || 1000);
const charts = [
  { id: "ops", title: "operations/s", series: [["operations/s", "#2563eb"]] },
  { id: "latency", title: "operation latency (ms)", series: [["p50", "#16a34a"], ["p90", "#ca8a04"], ["p99", "#dc2626"]] },
  { id: "streams", title: "active streams", series: [["open", "#2563eb"], ["live", "#16a34a"], ["catching up", "#ca8a04"]] },
  { id: "errors", title: "errors/s", series: [["errors/s", "#dc2626"]] },
  { id: "rows", title: "rows streamed/s", series: [["rows/s", "#7c3aed"]] },
  { id: "memory", title: "server RSS (MB)", series: [["RSS", "#475569"]] },
];
const points = [];
let previous = null;

/** The value under which a share p of the interval's operations fell, interpolated within its bucket. */
function percentile(counts, bounds, p) {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return NaN;
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    if (seen + counts[i] >= p * total) {
      const low = i === 0 ? 0 : bounds[i - 1];
      const high = i < bounds.length ? bounds[i] : bounds[bounds.length - 1];
      return low + (high - low) * ((p * total - seen) / counts[i]);
    }
    seen += counts[i];
  }
  return bounds[bounds.length - 1];
}

function derive(now, before) {
  const seconds = now.view.uptimeSeconds - before.view.uptimeSeconds;
  const c = now.view.counters;
  const b = before.view.counters;
  const buckets = c.durationCounts.map((n, i) => n - b.durationCounts[i]);
  const bounds = now.view.durationBucketsMs;
  const s = now.view.streams;
  return {
    ops: [(c.operationCount - b.operationCount) / seconds],
    latency: [percentile(buckets, bounds, 0.5), percentile(buckets, bounds, 0.9), percentile(buckets, bounds, 0.99)],
    streams: [s.clients, s.live, s.catchingUp],
    errors: [(c.errorCount - b.errorCount) / seconds],
    rows: [(c.recordCount - b.recordCount) / seconds],
    memory: [now.view.residentMemoryBytes / 1048576],
  };
}

const W = 560, H = 150, PAD = 4;
function draw(chart) {
  const svg = document.getElementById(chart.id);
  const values = points.flatMap((p) => p[chart.id].filter(Number.isFinite));
  const max = values.length === 0 ? 0 : Math.max(...values);
  const x = (i) => PAD + (i * (W - 2 * PAD)) / Math.max(1, points.length - 1);
  const y = (v) => H - PAD - (v / (max || 1)) * (H - 2 * PAD);
  let drawn = 0;
  chart.series.forEach((serie, k) => {
    let d = "";
    let pen = "M";
    points.forEach((p, i) => {
      const v = p[chart.id][k];
      if (!Number.isFinite(v)) { pen = "M"; return; }
      d += pen + x(i).toFixed(1) + " " + y(v).toFixed(1) + " ";
      pen = "L";
      drawn++;
    });
    svg.querySelector("path[data-series='" + k + "']").setAttribute("d", d.trim());
  });
  svg.dataset.points = String(drawn);
  svg.dataset.max = String(max);
  svg.querySelector("text").textContent = max.toPrecision(3);
  const last = points[points.length - 1][chart.id];
  document.getElementById(chart.id + "-now").textContent = "now: " + chart.series
    .map((serie, k) => serie[0] + " " + (Number.isFinite(last[k]) ? last[k].toFixed(last[k] < 10 ? 2 : 0) : "–")).join(" · ") +
    " — last " + points.length + " readings, every " + interval + " ms";
}

async function sample() {
  try {
    const res = await fetch("/metrics", { headers: { accept: "application/json" } });
    if (!res.ok) throw new Error("/metrics answered " + res.status);
    const now = { view: await res.json() };
    if (previous !== null && now.view.uptimeSeconds > previous.view.uptimeSeconds) {
      points.push(derive(now, previous));
      if (points.length > KEEP) points.shift();
      charts.forEach(draw);
    }
    previous = now;
    const c = now.view.counters;
    document.getElementById("totals").textContent = c.operationCount + " operations, " + c.errorCount + " errors, " + c.recordCount + " rows since the server started";
    document.body.dataset.samples = String(Number(document.body.dataset.samples || 0) + 1);
    document.getElementById("status").textContent = "";
  } catch (e) {
    document.getElementById("status").textContent = String(e);
  }
}

const grid = document.getElementById("charts");
for (const chart of charts) {
  const legend = chart.series.map((s) => "<span style='color:" + s[1] + "'>■ " + s[0] + "</span>").join(" ");
  const paths = chart.series.map((s, k) => "<path data-series='" + k + "' fill='none' stroke='" + s[1] + "' stroke-width='1.5'/>").join("");
  grid.insertAdjacentHTML("beforeend", "<section><h2>" + chart.title + "</h2><div class='legend'>" + legend + "</div>" +
    "<svg id='" + chart.id + "' viewBox='0 0 " + W + " " + H + "' data-points='0' data-max='0'><rect width='" + W + "' height='" + H + "' fill='#f8fafc'/>" +
    "<text x='" + (W - PAD) + "' y='14' text-anchor='end' font-size='11' fill='#64748b'></text>" + paths + "</svg>" +
    "<div class='now' id='" + chart.id + "-now'></div></section>");
}
sample();
setInterval(sample, interval);
`;

export const DASHBOARD_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>sqlgen stream server</title>
<style>
  body { font: 14px system-ui, sans-serif; margin: 16px; color: #0f172a; }
  h1 { font-size: 18px; margin: 0 0 4px; }
  h2 { font-size: 14px; margin: 0; }
  #charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 16px; margin-top: 12px; }
  section { border: 1px solid #e2e8f0; border-radius: 6px; padding: 8px; }
  svg { width: 100%; height: auto; display: block; margin: 4px 0; }
  .legend, .now, #totals { color: #475569; font-size: 12px; }
  #status { color: #dc2626; }
</style>
</head>
<body data-samples="0">
<h1>sqlgen stream server</h1>
<div id="totals"></div><div id="status"></div>
<div id="charts"></div>
<script>${script}</script>
</body>
</html>
`;

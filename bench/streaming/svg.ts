/**
 * Minimal SVG line charts (no dependency, nothing fetched): panels of series on linear or log axes,
 * each point a <circle> with a <title> giving its value, so that a reader (or a test) finds the data.
 */

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Series {
  readonly name: string;
  readonly points: readonly Point[];
  readonly dashed?: boolean;
}

export interface Chart {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly xLog?: boolean;
  readonly yLog?: boolean;
  readonly series: readonly Series[];
}

const W = 460;
const H = 300;
const M = { left: 64, right: 28, top: 36, bottom: 44 };
const colors = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#17becf"];

export const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const fmt = (v: number) => (Math.abs(v) >= 1000 ? v.toLocaleString("en-US", { maximumFractionDigits: 0 }) : String(Number(v.toPrecision(3))));

interface Axis {
  readonly at: (v: number) => number;
  readonly ticks: number[];
}

function axis(values: number[], log: boolean, from: number, to: number): Axis {
  const finite = values.filter((v) => Number.isFinite(v) && (!log || v > 0));
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (!log) lo = Math.min(0, lo);
  if (lo === hi) [lo, hi] = log ? [lo / 10, hi * 10] : [lo - 1, hi + 1];
  if (log) {
    const [a, b] = [Math.floor(Math.log10(lo)), Math.ceil(Math.log10(hi))];
    const ticks = Array.from({ length: b - a + 1 }, (_, i) => 10 ** (a + i));
    return { at: (v) => from + ((Math.log10(v) - a) / (b - a || 1)) * (to - from), ticks };
  }
  const step = niceStep((hi - lo) / 5);
  const first = Math.floor(lo / step) * step;
  const last = Math.ceil(hi / step) * step;
  const ticks = Array.from({ length: Math.round((last - first) / step) + 1 }, (_, i) => first + i * step);
  return { at: (v) => from + ((v - first) / (last - first)) * (to - from), ticks };
}

function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p;
}

/** One chart as a <g> at (dx, dy). */
function panel(c: Chart, dx: number, dy: number): string {
  const xs = axis(c.series.flatMap((s) => s.points.map((p) => p.x)), c.xLog ?? false, M.left, W - M.right);
  const ys = axis(c.series.flatMap((s) => s.points.map((p) => p.y)), c.yLog ?? false, H - M.bottom, M.top);
  const out: string[] = [`<g transform="translate(${dx},${dy})">`, `<text x="${W / 2}" y="20" text-anchor="middle" font-weight="bold">${escapeXml(c.title)}</text>`];
  for (const t of xs.ticks) out.push(`<line x1="${xs.at(t)}" y1="${M.top}" x2="${xs.at(t)}" y2="${H - M.bottom}" stroke="#eee"/><text x="${xs.at(t)}" y="${H - M.bottom + 16}" text-anchor="middle">${fmt(t)}</text>`);
  for (const t of ys.ticks) out.push(`<line x1="${M.left}" y1="${ys.at(t)}" x2="${W - M.right}" y2="${ys.at(t)}" stroke="#eee"/><text x="${M.left - 6}" y="${ys.at(t) + 4}" text-anchor="end">${fmt(t)}</text>`);
  out.push(`<rect x="${M.left}" y="${M.top}" width="${W - M.left - M.right}" height="${H - M.top - M.bottom}" fill="none" stroke="#999"/>`);
  out.push(`<text x="${W / 2}" y="${H - 8}" text-anchor="middle">${escapeXml(c.xLabel)}</text>`);
  out.push(`<text transform="translate(14,${H / 2}) rotate(-90)" text-anchor="middle">${escapeXml(c.yLabel)}</text>`);
  // The legend goes top left on a light background, over any line that passes there.
  const legend = [`<rect x="${M.left + 4}" y="${M.top + 3}" width="${Math.max(...c.series.map((s) => s.name.length)) * 6 + 40}" height="${c.series.length * 16 + 4}" fill="white" fill-opacity="0.85"/>`];
  c.series.forEach((s, i) => {
    const color = colors[i % colors.length];
    const pts = s.points.filter((p) => Number.isFinite(p.y) && (!c.yLog || p.y > 0));
    const path = pts.map((p) => `${xs.at(p.x).toFixed(1)},${ys.at(p.y).toFixed(1)}`).join(" ");
    out.push(`<polyline class="series" data-name="${escapeXml(s.name)}" points="${path}" fill="none" stroke="${color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ""}/>`);
    for (const p of pts) out.push(`<circle class="point" cx="${xs.at(p.x).toFixed(1)}" cy="${ys.at(p.y).toFixed(1)}" r="3" fill="${color}"><title>${escapeXml(`${s.name}: ${fmt(p.x)}, ${fmt(p.y)}`)}</title></circle>`);
    const ly = M.top + 14 + i * 16;
    legend.push(`<line x1="${M.left + 8}" y1="${ly - 4}" x2="${M.left + 30}" y2="${ly - 4}" stroke="${color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ""}/><text x="${M.left + 36}" y="${ly}">${escapeXml(s.name)}</text>`);
  });
  out.push(...legend, "</g>");
  return out.join("\n");
}

/** A whole SVG document: the charts in a grid of `columns`. */
export function figure(charts: readonly Chart[], columns = 2): string {
  const cols = Math.min(columns, charts.length);
  const rows = Math.ceil(charts.length / cols);
  const body = charts.map((c, i) => panel(c, (i % cols) * W, Math.floor(i / cols) * H)).join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${cols * W}" height="${rows * H}" viewBox="0 0 ${cols * W} ${rows * H}" font-family="sans-serif" font-size="11">
<rect width="100%" height="100%" fill="white"/>
${body}
</svg>
`;
}

/** Markdown tables and number formats for the report. */

export function table(head: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const line = (cells: readonly (string | number)[]) => `| ${cells.map((c) => String(c).replace(/\|/g, "\\|")).join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}

/** Milliseconds with three significant digits (at least microseconds). */
export const ms = (v: number) => (Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v >= 1 ? v.toPrecision(3) : v.toFixed(3)) : "–");
export const int = (v: number) => (Number.isFinite(v) ? Math.round(v).toLocaleString("en-US") : "–");
export const times = (v: number) => (Number.isFinite(v) ? `${v >= 10 ? v.toFixed(0) : v.toFixed(2)}×` : "–");
export const pct = (v: number) => `${(v * 100).toFixed(v !== 0 && Math.abs(v) < 0.01 ? 2 : 1)} %`;
export const mib = (v: number) => `${v.toFixed(v >= 100 ? 0 : 1)} MiB`;

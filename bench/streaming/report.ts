/** streaming.md: the tables of a run, from its Results. */
import { compared, snapshotTotals, type Results } from "./results.js";
import { families } from "./families.js";
import { int, mib, ms, table, times } from "./markdown.js";
import { plotFiles } from "./plots.js";
import { concurrencySection, loadSection } from "./report-load.js";
import { median } from "./stats.js";
import { verdicts } from "./verdicts.js";

/** The headline table: every family at the largest size. */
export function headline(r: Results): string {
  const largest = Math.max(...r.families.map((f) => f.requests));
  const rows = r.families.filter((f) => f.requests === largest).map((f) => {
    const c = compared(f);
    return [f.family, ms(c.before.medianMs), ms(c.after.medianMs), times(c.speedup), ms(c.before.p99Ms), ms(c.after.p99Ms)];
  });
  const snap = snapshotTotals(r.families.find((f) => f.family === "snapshot page" && f.requests === largest)!);
  rows.push(["whole snapshot (all pages)", ms(snap.beforeMs), ms(snap.afterMs), times(snap.beforeMs / snap.afterMs), "", ""]);
  return `At ${int(largest)} requests, per call (ms):\n\n${table(["query family", "before median", "after median", "speedup", "before p99", "after p99"], rows)}`;
}

function machineSection(r: Results): string {
  const m = r.machine;
  return `## Machine

${table(["", ""], [
  ["CPU", `${m.cpuModel}, ${m.cores} cores`],
  ["RAM", `${m.ramGiB} GiB`],
  ["OS", m.os],
  ["versions", `Node ${m.node}, SQLite ${m.sqlite}, better-sqlite3 ${m.betterSqlite3}`],
  ["load average (1 min)", `${m.loadAverageAtStart.toFixed(2)} at the start, ${r.loadAverageAtEnd.toFixed(2)} at the end: the machine is shared, so absolute figures are noisy; before and after alternate round by round, so their ratio is steadier`],
  ["run", `${r.startedAt}, ${r.durationSeconds} s${r.quick ? " (**--quick**: small sizes and few samples, for the test; not a measurement)" : ""}`],
])}

Both sides use the same connection settings (\`examples/data-layer/connection.ts\`): ${r.pragmas.map((p) => `\`${p}\``).join(", ")}. No \`ANALYZE\` statistics (plans as on a new database, as \`queries/\` asserts them).`;
}

function bySize(r: Results): string {
  const parts = families.map((fam) => {
    const runs = r.families.filter((f) => f.family === fam.name);
    const rows = runs.map((f) => {
      const c = compared(f);
      return [int(f.requests), ms(c.before.medianMs), ms(c.before.p99Ms), int(c.before.rowsPerSecond), ms(c.after.medianMs), ms(c.after.p99Ms), int(c.after.rowsPerSecond), times(c.speedup), int(c.after.calls)];
    });
    return `### ${fam.name}\n\nOne call: ${fam.call}.\n\n${table(["requests", "before median", "before p99", "before rows/s", "after median", "after p99", "after rows/s", "speedup", "calls per side"], rows)}`;
  });
  const snaps = r.families.filter((f) => f.family === "snapshot page").map((f) => {
    const s = snapshotTotals(f);
    return [int(f.requests), ms(s.beforeMs), ms(s.afterMs), times(s.beforeMs / s.afterMs)];
  });
  return `## Before vs after, by table size

Times in ms per call; rows/s = rows returned (or requests deleted) per second of query time; speedup = before median / after median.

![before vs after](${plotFiles.beforeAfter})

${parts.join("\n\n")}

### whole snapshot

A whole snapshot of workspace 0 (a fifth of the requests), all its pages, mean of the rounds: OFFSET rereads every skipped row, so its cost grows with the square of the workspace.

${table(["requests", "before (OFFSET pages)", "after (keyset pages)", "speedup"], snaps)}`;
}

/** Each family's statements and what SQLite does with them, before and after. */
function plansSection(r: Results): string {
  if (r.plans.length === 0) return "";
  const requests = Math.min(...r.families.map((f) => f.requests));
  const side = (name: string, s: Results["plans"][number] | undefined) =>
    `${name}:\n\n${(s?.statements ?? []).map((st) => `\`\`\`sql\n${st.sql.replace(/\s+/g, " ")}\n\`\`\`\n\n\`\`\`\n${st.plan.join("\n") || "(no plan)"}\n\`\`\``).join("\n\n") || "(no statement)"}`;
  const parts = families.map((f) => {
    const of = (sideName: string) => r.plans.find((p) => p.family === f.name && p.side === sideName);
    return `### ${f.name}\n\n${side("Before", of("before"))}\n\n${side("After", of("after"))}`;
  });
  return `## Query plans

Every statement one call of each family runs, with that call's arguments, and SQLite's \`EXPLAIN QUERY PLAN\` for it (at ${int(requests)} requests, on a copy of each database): a \`SCAN\` reads a whole table or index, a \`SEARCH\` only the rows its index condition selects, and \`USE TEMP B-TREE\` sorts.

${parts.join("\n\n")}`;
}

function ablationSection(r: Results): string {
  const a = r.ablation;
  const dropped = [...new Set(a.runs.map((x) => x.dropped).filter((d): d is string => d !== null))];
  const medianOf = (d: string | null, fam: string) => median(a.runs.find((x) => x.dropped === d && x.family === fam)!.samples.ms);
  const compareRun = (fam: string) => r.families.find((f) => f.family === fam && f.requests === a.requests);
  const rows = families.map((f) => {
    const earlier = compareRun(f.name);
    return [f.name, ms(medianOf(null, f.name)), earlier === undefined ? "–" : ms(median(earlier.after.ms)), ...dropped.map((d) => `${ms(medianOf(d, f.name))} (${times(medianOf(d, f.name) / medianOf(null, f.name))})`)];
  });
  const absent = a.absent.length === 0 ? "" : `\n\nNot in schema/, so not ablated: ${a.absent.map((n) => `\`${n}\``).join(", ")}.`;
  return `## Index ablation at ${int(a.requests)} requests

The after side with each priority index of the spec's section 7.1 dropped in turn (then recreated): median ms per call, and in brackets the slowdown against all indexes present. SQLite falls back on whatever other index fits, so a drop costs only what no other index covers. The passes run one after another (a dropped index cannot alternate with itself), so they drift with the machine's load: the column "same, earlier" is the same query with all indexes in the before/after comparison, and the gap between it and "all indexes" is the drift to allow for. Only effects well beyond it are effects.

${table(["query family", "all indexes", "same, earlier", ...dropped.map((d) => `without \`${d}\``)], rows)}${absent}`;
}

function memorySection(r: Results): string {
  const m = r.memory;
  if (m === null) return "## Memory\n\nNot measured: run with `node --expose-gc` (as `npm run bench:streaming` does).";
  return `## Memory

Peak live JS heap growth while taking a whole snapshot of workspace 0 (${int(m.rows)} base requests), each page dropped once handled, as a stream sends it (sampled after a full garbage collection while the current result is held):

${table(["how", "peak live heap growth"], [["whole workspace at once (section 1.1's \"current issue\")", mib(m.wholeWorkspaceMiB)], ["OFFSET pages of 100 (the spec's query)", mib(m.offsetPagesMiB)], ["keyset pages of 100 (generated)", mib(m.keysetPagesMiB)]])}

Pages of either kind hold one page at a time: the saving comes from paging, which the spec's own query already does (with OFFSET, whose cost is time, not memory).`;
}

export function report(r: Results): string {
  const verdictRows = verdicts(r).map((v) => [v.claim, v.status === "met" ? "**met**" : v.status === "not met" ? "**not met**" : "not measured", v.figure]);
  return `# Streaming benchmarks

\`npm run bench:streaming\` (\`bench/streaming/\`): the spec's query families (\`../shared/spec/streaming-optimization.md\`, sections 1, 4 and 8) **before** — the spec's own SQL (\`bench/streaming/before/queries.sql\`: OFFSET pages, timestamp cursors) on its starting schema (\`bench/streaming/before/schema.sql\`: no streaming indexes) — and **after** — this repo's \`schema/\` through the generated functions of \`generated/\`. Every sample is in \`streaming.json\`.

${headline(r)}

## The spec's claims (section 8)

${table(["claim", "verdict", "figure"], verdictRows)}

${machineSection(r)}

## Data

${[...new Set(r.families.map((f) => int(f.requests)))].join(", ")} requests over 5 workspaces (10 folders each); 10 % of the requests are deltas (four deltas on one base in 36); every request has 5 search params, 5 headers, 5 form-body fields and 5 assertions; timestamps three requests per second, a third edited again within the hour. Seeded in one transaction through prepared statements:

${table(["requests", "side", "seconds", "rows"], r.seeding.map((s) => [int(s.requests), s.side, (s.ms / 1000).toFixed(1), Object.entries(s.rows).map(([t, n]) => `${t} ${int(n)}`).join(", ")]))}

${bySize(r)}

${plansSection(r)}

${ablationSection(r)}

${memorySection(r)}

${concurrencySection(r)}

${loadSection(r)}
`;
}

/** The campaign's result as text: counts per kind, then each group's finding and minimised repro. */
import type { CampaignReport, Group } from "./campaign.js";
import { findingKinds } from "./finding.js";
import { renderProject, visible } from "./project.js";

export function summaryText(r: CampaignReport, seed: number): string {
  const total = [...r.counts.values()].reduce((a, b) => a + b, 0);
  const limited = r.cases < r.requested ? ` of ${r.requested} (time limit)` : "";
  const lines = [`sqlgen fuzz: ${r.cases}${limited} cases (seed ${seed}) in ${(r.elapsedMs / 1000).toFixed(1)} s, ${(r.cases / (r.elapsedMs / 1000)).toFixed(1)} cases/s; ${r.accepted} accepted`];
  for (const kind of findingKinds) lines.push(`  ${kind.padEnd(24)} ${r.counts.get(kind) ?? 0}`);
  lines.push(total === 0 ? "no findings" : `${r.groups.length} distinct findings`);
  return lines.join("\n");
}

export function groupsText(r: CampaignReport): string {
  return r.groups.map(groupText).join("\n\n");
}

function groupText(g: Group): string {
  const head = `[${g.finding.kind}] ${detail(g)}\n  in ${g.cases} case(s); first: case ${g.fuzzCase.index} (${g.fuzzCase.project.origin}; ${g.fuzzCase.mutations.join(" + ")})`;
  return g.minimised === null ? head : `${head}\n  minimised repro:\n${indent(renderProject(g.minimised))}`;
}

/** Markdown for a findings note: grouped by kind, each minimised repro as file text and what failed. */
export function markdown(r: CampaignReport, seed: number, command: string): string {
  const out = [`# Fuzz findings`, "", `\`${command}\``, "", "```", summaryText(r, seed), "```"];
  for (const kind of findingKinds) {
    const groups = r.groups.filter((g) => g.finding.kind === kind);
    if (groups.length === 0) continue;
    out.push("", `## ${kind} (${r.counts.get(kind) ?? 0} cases)`);
    for (const g of groups) {
      out.push("", `- **${detail(g)}** — ${g.cases} case(s), first case ${g.fuzzCase.index} (${g.fuzzCase.project.origin}; ${g.fuzzCase.mutations.join(" + ")})`);
      if (g.minimised !== null) out.push("", "```sql", renderProject(g.minimised), "```");
    }
  }
  return out.join("\n") + "\n";
}

/** The finding's detail on one line, long runs shortened. */
function detail(g: Group): string {
  return visible(g.finding.detail.split("\n")[0]).slice(0, 300);
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((l) => `    ${l}`)
    .join("\n");
}

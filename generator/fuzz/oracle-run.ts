/** Checks on how a run ended: no crash, no internal error, positions on errors, nothing written on error. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { Finding } from "./finding.js";
import type { GeneratorRun } from "./generator-adapter.js";
import type { Project } from "./project.js";

export const sentinelName = "sentinel.txt";
export const sentinelText = "must survive a failed run\n";

/** Errors about the run as a whole (no input at all, a file that cannot be read): no line to point at. */
// Problems of a whole file or run: SG010 is a file name that cannot be shown as a location.
const runWide = new Set(["SG001", "SG002", "SG010"]);

export function checkRun(run: GeneratorRun, project: Project, outDir: string): Finding[] {
  if (run.thrown !== null) return [{ kind: "crash", detail: run.thrown.split("\n").slice(0, 3).join(" | ") }];
  const out: Finding[] = [];
  for (const d of run.described?.diagnostics ?? []) {
    if (d.code === "SG900") out.push({ kind: "internal-error", detail: d.message });
    if (d.severity === "error" && !runWide.has(d.code) && (d.file === null || d.line === null || d.col === null)) out.push({ kind: "no-position", detail: `${d.code}: ${d.message}` });
  }
  const hasErrors = (run.described?.diagnostics ?? []).some((d) => d.severity === "error");
  if (run.exitCode !== 0 || hasErrors) {
    const written = listFiles(outDir).filter((f) => f !== sentinelName);
    const sentinel = join(outDir, sentinelName);
    if (written.length > 0 || !existsSync(sentinel) || readFileSync(sentinel, "utf8") !== sentinelText) {
      out.push({ kind: "written-on-error", detail: `exit ${run.exitCode}, wrote ${written.join(", ") || "over the sentinel"}` });
    }
  } else {
    const bad = badInput(project);
    if (bad !== null) out.push({ kind: "bad-bytes-accepted", detail: bad });
  }
  return out;
}

/** C0 controls other than tab, LF, VT, FF, CR (which SQLite reads as whitespace). */
export const controlChar = /[\u0000-\u0008\u000e-\u001f]/;
/** A raw byte that is not UTF-8, as kept by the project's surrogate escapes. */
const rawByte = /(?<![\ud800-\udbff])[\udc80-\udcff]/;

/** Why the project's input should have been refused (issue 13: control characters, bad UTF-8), or null. */
export function badInput(project: Project): string | null {
  for (const f of project.files) {
    if (/[\u0000-\u001f]/.test(f.path)) return `file name ${JSON.stringify(f.path)} has a control character`;
    const control = controlChar.exec(f.text);
    if (control) return `${f.path} has U+${control[0].charCodeAt(0).toString(16).padStart(4, "0")} at offset ${control.index}`;
    const raw = rawByte.exec(f.text);
    if (raw) return `${f.path} has invalid UTF-8 at offset ${raw.index}`;
  }
  return null;
}

export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

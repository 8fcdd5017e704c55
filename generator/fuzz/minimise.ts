/**
 * Delta debugging (ddmin, complements only): shrinks a failing project while the failure stays,
 * first dropping whole files, then statements (lines ending in `;`), then lines, then tokens.
 */
import type { Project } from "./project.js";
import { tokenize } from "./sql-tokens.js";

export type StillFails = (project: Project) => Promise<boolean>;

export async function minimiseProject(project: Project, stillFails: StillFails, maxTests: number): Promise<Project> {
  let tests = 0;
  const test = async (p: Project) => tests++ < maxTests && (await stillFails(p));
  let current = project;
  const spent = () => tests >= maxTests;
  const files = await ddmin(current.files, (fs) => test({ ...current, files: fs }), spent);
  current = { ...current, files };
  const levels = [(t: string) => t.split(/(?<=;[ \t]*\n)/), (t: string) => t.split(/(?<=\n)/), (t: string) => tokenize(t).map((x) => x.text)];
  for (const split of levels) {
    for (let i = 0; i < current.files.length; i++) {
      const before = current;
      const file = before.files[i];
      const kept = await ddmin(split(file.text), (parts) => test({ ...before, files: before.files.map((f, j) => (j === i ? { ...f, text: parts.join("") } : f)) }), spent);
      current = { ...before, files: before.files.map((f, j) => (j === i ? { ...f, text: kept.join("") } : f)) };
    }
  }
  return current;
}

/** The smallest sublist found (1-minimal when the budget allows) for which `fails` holds. */
export async function ddmin<T>(items: readonly T[], fails: (subset: readonly T[]) => Promise<boolean>, spent: () => boolean = () => false): Promise<readonly T[]> {
  let current = items;
  let n = 2;
  while (current.length >= 1 && !spent()) {
    const size = Math.ceil(current.length / n);
    let reduced = false;
    for (let start = 0; start < current.length; start += size) {
      const complement = [...current.slice(0, start), ...current.slice(start + size)];
      if (spent()) break;
      if (await fails(complement)) {
        current = complement;
        n = Math.max(n - 1, 2);
        reduced = true;
        break;
      }
    }
    if (!reduced) {
      if (size === 1) break;
      n = Math.min(current.length, n * 2);
    }
  }
  return current;
}

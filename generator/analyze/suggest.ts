/** "Did you mean" for unknown tables and columns. */

export function nearest(target: string, candidates: readonly string[], max = 3): string[] {
  const t = target.toLowerCase();
  return [...new Set(candidates)]
    .map((c) => ({ c, d: distance(t, c.toLowerCase()) }))
    .filter(({ c, d }) => d <= Math.max(2, Math.floor(t.length / 3)) || c.toLowerCase().includes(t) || t.includes(c.toLowerCase()))
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c))
    .slice(0, max)
    .map(({ c }) => c);
}

/** Levenshtein distance. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur.push(Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = cur;
  }
  return prev[b.length];
}

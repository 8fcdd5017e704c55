/** "Did you mean" for unknown tables and columns. */

/** Names longer than this are not typos of a schema name; comparing them would only cost time. */
const longestCompared = 64;

export function nearest(target: string, candidates: readonly string[], max = 3): string[] {
  if (target.length > longestCompared) return [];
  const t = target.toLowerCase();
  const limit = Math.max(2, Math.floor(t.length / 3));
  return [...new Set(candidates)]
    .filter((c) => c.length <= longestCompared)
    .map((c) => ({ c, lower: c.toLowerCase() }))
    .map(({ c, lower }) => ({ c, d: Math.abs(lower.length - t.length) > limit ? Infinity : distance(t, lower), related: lower.includes(t) || t.includes(lower) }))
    .filter(({ d, related }) => d <= limit || related)
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
